package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * The reusable clone of one URL's branch in the cache folder ({@code <cacheRoot>/<hash of url and
 * branch>/repo}), held through a {@link FolderLock} from {@link #open} to {@link #close()}. It holds
 * nothing that is not on the remote, so it may be started again at any time. Holding the lock proves
 * that any Git lock file in it was left by a killed run; those are removed when the clone is opened.
 * Its {@code .git/config} holds the URL as configured and never a credential.
 */
final class CloneCache implements AutoCloseable {

    private final String url;
    private final String branch;
    private final Path repoDir;
    private final FolderLock lock;
    private Git git;

    private CloneCache(String url, String branch, Path repoDir, FolderLock lock) {
        this.url = url;
        this.branch = branch;
        this.repoDir = repoDir;
        this.lock = lock;
    }

    /** Locks the cache folder of {@code url}'s {@code branch}, waiting for another run holding it. */
    static CloneCache open(String url, String branch, RemoteOptions options, ProgressListener listener) {
        Path cacheDir = options.cacheRoot().resolve(key(url, branch));
        FolderLock lock = FolderLock.forCache(cacheDir, options.lockTimeout(), listener);
        return new CloneCache(url, branch, cacheDir.resolve("repo"), lock);
    }

    /** The folder name of a URL and branch in the cache: 16 hex digits of their SHA-256. */
    static String key(String url, String branch) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((url + "\n" + branch).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path workTree() {
        return repoDir;
    }

    /** The clone, opened (stale locks removed) or made empty when absent or made for another URL. */
    Git git() throws IOException, GitAPIException {
        if (git != null) {
            return git;
        }
        Path gitDir = repoDir.resolve(".git");
        if (Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            clearStaleLocks(gitDir);
            Git existing = Git.open(repoDir.toFile());
            StoredConfig config = existing.getRepository().getConfig();
            if (url.equals(config.getString("remote", "origin", "url"))) {
                if (config.getBoolean("core", null, "symlinks", true) || !"0".equals(config.getString("gc", null,
                        "auto")) || config.getBoolean("gc", null, "autoDetach", true)) {
                    settle(config);
                    config.save();
                }
                git = existing;
                return git;
            }
            existing.close();
            deleteTree(repoDir);
        }
        git = init();
        return git;
    }

    /** Starts again from an unborn branch with nothing in the working copy (the remote branch is absent). */
    Git startEmpty() throws IOException, GitAPIException {
        closeGit();
        deleteTree(repoDir);
        git = init();
        return git;
    }

    /** Removes the clone (it is damaged); the next {@link #git()} makes a new one. */
    void discard() {
        try {
            closeGit();
            deleteTree(repoDir);
        } catch (IOException e) {
            throw new GitopsGitException("cannot remove the damaged clone in " + repoDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Git's lock files ({@code index.lock}, {@code HEAD.lock}, {@code shallow.lock}, {@code packed-refs.lock},
     * {@code config.lock}, ref locks under {@code refs/}): a run killed while fetching, resetting or committing
     * leaves them, and a lock on the remote-tracking ref would keep every later fetch from moving it.
     */
    private static void clearStaleLocks(Path gitDir) throws IOException {
        List<Path> locks;
        try (Stream<Path> top = Files.list(gitDir); Stream<Path> refs = Files.isDirectory(gitDir.resolve("refs"),
                LinkOption.NOFOLLOW_LINKS) ? Files.walk(gitDir.resolve("refs")) : Stream.empty()) {
            locks = Stream.concat(top, refs).filter(p -> p.getFileName().toString().endsWith(".lock"))
                    .filter(SafeTree::isRegularFile).toList();
        }
        for (Path lockFile : locks) {
            Files.deleteIfExists(lockFile);
        }
    }

    private Git init() throws IOException, GitAPIException {
        Files.createDirectories(repoDir);
        Git created = Git.init().setDirectory(repoDir.toFile()).setInitialBranch(branch).call();
        StoredConfig config = created.getRepository().getConfig();
        config.setString("remote", "origin", "url", url);
        config.setString("remote", "origin", "fetch", "+" + Constants.R_HEADS + branch + ":" + Constants.R_REMOTES
                + "origin/" + branch);
        settle(config);
        config.save();
        return created;
    }

    /**
     * A fetched tree is untrusted: its links are checked out as plain files, never as links to follow. No
     * automatic gc, and none detached: JGit would otherwise start a background thread and a lock file
     * ({@code gc.log.lock}) after every fetch, racing whatever the run does next in the clone.
     */
    private static void settle(StoredConfig config) {
        config.setBoolean("core", null, "symlinks", false);
        config.setInt("gc", null, "auto", 0);
        config.setBoolean("gc", null, "autoDetach", false);
    }

    private void closeGit() {
        if (git != null) {
            git.close();
            git = null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            closeGit();
        } finally {
            lock.close();
        }
    }
}
