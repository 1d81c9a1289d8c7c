package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * The one place a path of a checked-out GitOps repository becomes a file-system path. The repository
 * is untrusted input: every component below the top must be a real folder inside it (checked without
 * following links), and every file we read, write or delete a regular file or absent. Anything else
 * (a symbolic link, a submodule's folder seen as a file, a device, a FIFO) is refused before anything
 * is written, with one line naming the path. The same rules hold for a commit's tree
 * ({@link CommittedTree}), so both sides of a change refuse the same entries.
 */
public final class SafeTree {

    private final Path top;
    private final String label;

    /**
     * @param top   the top folder of the working copy (it may itself be reached through a link the user
     *              chose; nothing below it may)
     * @param label how the repository is named in messages (a folder, or a URL without credentials)
     */
    public SafeTree(Path top, String label) {
        this.top = top.toAbsolutePath().normalize();
        this.label = label;
    }

    public Path top() {
        return top;
    }

    /** Checks every path as a file to write or delete; refuses the first unsafe one. */
    public void checkFiles(Collection<String> paths) {
        paths.forEach(this::file);
    }

    /** The path of a file we may read, write or delete: a regular file or absent, below real folders only. */
    public Path file(String path) {
        Path target = folders(path);
        Kind kind = kind(target);
        if (kind != Kind.ABSENT && kind != Kind.FILE) {
            throw refusal(path, kind.what, label);
        }
        return target;
    }

    /** Whether {@code p} (a path this class returned, or an entry inside one) is a regular file, not a link. */
    public static boolean isRegularFile(Path p) {
        return kind(p) == Kind.FILE;
    }

    /** Resolves {@code path} lexically and checks each folder above it, stopping at the first absent one. */
    private Path folders(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new IllegalArgumentException("not a repository path: " + path);
        }
        Path current = top;
        String[] parts = path.split("/");
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("path leaves the repository: " + path);
            }
            walked.append(i == 0 ? "" : "/").append(part);
            current = current.resolve(part);
            if (i == parts.length - 1) {
                break;
            }
            Kind kind = kind(current);
            if (kind == Kind.ABSENT) {
                // nothing below an absent folder exists yet: we create real folders there
                return top.resolve(path);
            }
            if (kind == Kind.FILE) {
                throw refusal(walked.toString(), "is a file where a folder belongs", label);
            }
            if (kind != Kind.FOLDER) {
                throw refusal(walked.toString(), kind.what, label);
            }
        }
        return current;
    }

    /** The one-line refusal for an entry at or above one of our paths, naming it and the fix. */
    static ValidationException refusal(String path, String what, String label) {
        return ValidationException.of(path + " in " + label, "", what + ", and carvel-gitops only writes regular "
                + "files in real folders of the GitOps repository (it never follows a link)",
                "replace it with a regular " + (what.contains("folder belongs") ? "folder" : "file or folder")
                        + " (or remove it) in the repository, then run again");
    }

    enum Kind {
        ABSENT(""), FILE(""), FOLDER(""), LINK("is a symbolic link"), SUBMODULE("is a submodule (gitlink)"),
        OTHER("is a special file (device, FIFO or socket)");

        final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    static Kind kind(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                return Kind.LINK;
            }
            if (a.isRegularFile()) {
                return Kind.FILE;
            }
            if (a.isDirectory()) {
                return Kind.FOLDER;
            }
            return Kind.OTHER;
        } catch (NoSuchFileException e) {
            return Kind.ABSENT;
        } catch (IOException e) {
            throw new GitopsGitException("cannot inspect " + p + ": " + e.getMessage(), e);
        }
    }
}
