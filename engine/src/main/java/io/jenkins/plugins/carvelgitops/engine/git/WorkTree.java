package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The files of a checked-out working tree: compares them with a plan, writes only what differs (each
 * file atomically, all or nothing), and prints unified diffs. Every path goes through {@link SafeTree},
 * so nothing is read, written or deleted through a link.
 */
public final class WorkTree {

    private final SafeTree safe;

    public WorkTree(Path top, String label) {
        this.safe = new SafeTree(top, label);
    }

    public Path top() {
        return safe.top();
    }

    /**
     * Refuses, before anything is written, a change one of whose paths is not a regular file (or absent)
     * below real folders in the working tree.
     */
    public void check(Change change) {
        safe.checkFiles(change.removals());
        change.files().forEach(f -> safe.file(f.path()));
    }

    /**
     * What writing {@code files} and removing {@code removals} would change, measured against
     * {@code current} (the committed content), so that files an interrupted run wrote but never
     * committed still count as changes; unchanged files are left out.
     */
    public List<FileChange> changes(Collection<RepoFile> files, Collection<String> removals,
            java.util.function.Function<String, String> current) {
        List<FileChange> changes = new ArrayList<>();
        for (RepoFile file : files) {
            String before = current.apply(file.path());
            if (before == null) {
                changes.add(new FileChange(file.path(), FileChange.Kind.ADDED, null, file.content()));
            } else if (!before.equals(file.content())) {
                changes.add(new FileChange(file.path(), FileChange.Kind.MODIFIED, before, file.content()));
            }
        }
        for (String path : removals) {
            String before = current.apply(path);
            if (before != null) {
                changes.add(new FileChange(path, FileChange.Kind.REMOVED, before, null));
            }
        }
        return changes;
    }

    /**
     * Removes the temporary files an interrupted run may have left beside {@code files}. Call it only
     * while holding the {@link FolderLock}.
     */
    public void clearLeftovers(Collection<RepoFile> files) {
        for (RepoFile file : files) {
            try {
                Path tmp = temporaryFor(safe.file(file.path()));
                if (SafeTree.isRegularFile(tmp)) {
                    Files.delete(tmp);
                }
            } catch (IOException e) {
                throw new GitopsGitException("cannot remove a leftover temporary file beside " + file.path() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + FolderLock.TMP_SUFFIX);
    }

    /** The file's content, or null when it does not exist; never what lies behind a link. */
    String read(String path) {
        Path p = safe.file(path);
        if (!SafeTree.isRegularFile(p)) {
            return null;
        }
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GitopsGitException("cannot read " + path + " in the working copy: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every change; if any write fails, restores what was written so far and throws, so the
     * working tree is never left half-changed.
     */
    public void apply(List<FileChange> changes) {
        Set<Path> folders = new HashSet<>();
        List<FileChange> done = new ArrayList<>();
        try {
            for (FileChange change : changes) {
                put(change.path(), change.after(), folders);
                done.add(change);
            }
        } catch (RuntimeException e) {
            for (FileChange change : done) {
                try {
                    put(change.path(), change.before(), folders);
                } catch (RuntimeException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
    }

    /**
     * Writes through a temporary file in the same folder and renames it into place, so a reader (or an
     * interrupted run) sees the old content or the new, never half of it.
     */
    private void put(String path, String content, Set<Path> knownFolders) {
        Path target = safe.file(path);
        try {
            if (content == null) {
                if (SafeTree.isRegularFile(target)) {
                    Files.delete(target);
                }
                return;
            }
            if (content.equals(read(path))) {
                return;
            }
            Path folder = target.getParent();
            if (knownFolders.add(folder)) {
                Files.createDirectories(folder);
                // re-checked once created: a link made meanwhile is refused, not written through
                safe.file(path);
            }
            Path tmp = temporaryFor(target);
            // CREATE_NEW never opens an existing entry, so a link planted under the temporary name is not followed
            Files.write(tmp, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                if (SafeTree.isRegularFile(tmp)) {
                    Files.delete(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** A unified diff ({@code --- a/…}, {@code +++ b/…}, hunks with three lines of context). */
    public static String unifiedDiff(List<FileChange> changes) {
        StringBuilder sb = new StringBuilder();
        for (FileChange change : changes) {
            sb.append("--- ").append(change.before() == null ? "/dev/null" : "a/" + change.path()).append('\n');
            sb.append("+++ ").append(change.after() == null ? "/dev/null" : "b/" + change.path()).append('\n');
            RawText a = new RawText(bytes(change.before()));
            RawText b = new RawText(bytes(change.after()));
            EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                    .diff(RawTextComparator.DEFAULT, a, b);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.format(edits, a, b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sb.append(out.toString(StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
