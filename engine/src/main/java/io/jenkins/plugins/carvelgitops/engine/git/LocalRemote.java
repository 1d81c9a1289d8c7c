package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * A remote on this machine ({@code file://}). JGit pushes into it in our own process (its receive-pack
 * runs on a thread of ours), so two things that a server guards for remote pushes are ours to guard:
 * C Git's {@code receive.denyCurrentBranch}, and what a run killed mid-push leaves (the branch's ref
 * lock, which no later push could take). A push holds the repository's {@link FolderLock} (the one a
 * local-mode run holds too) and a {@link GitLocks} note while it runs; the next push clears a ref lock
 * only when that note shows it was made by the killed push.
 */
final class LocalRemote {

    /** Nothing to guard: not a file:// URL, or no repository there (the push itself reports that). */
    private static final PushGuard NONE = () -> {
    };

    private LocalRemote() {
    }

    /** What a push holds while it runs; closing releases it. */
    @FunctionalInterface
    interface PushGuard extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Prepares a push of {@code branches} into {@code url}: refuses the checked-out branch of a non-bare
     * repository, clears what a killed push of ours left, and notes this push until the guard is closed.
     *
     * @param checkedOut the configured branch, refused when checked out there; null to skip the check
     */
    static PushGuard guardPush(String url, String checkedOut, List<String> branches, Duration lockTimeout,
            ProgressListener listener, String describe) {
        File gitDir = gitDir(url);
        if (gitDir == null) {
            return NONE;
        }
        if (checkedOut != null) {
            refuseCheckedOutBranch(gitDir, checkedOut, describe);
        }
        Path dir = gitDir.toPath();
        FolderLock lock = FolderLock.forRepository(dir, lockTimeout, listener);
        try {
            GitLocks.clearPushLeftovers(dir, branches);
            GitLocks.begin(dir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return () -> {
            GitLocks.end(dir);
            lock.close();
        };
    }

    private static File gitDir(String url) {
        if (!url.startsWith("file:")) {
            return null;
        }
        try {
            return RepositoryCache.FileKey.resolve(new File(new URIish(url).getPath()), FS.DETECTED);
        } catch (URISyntaxException e) {
            return null; // JGit reports the malformed URL itself
        }
    }

    /**
     * As C Git's {@code receive.denyCurrentBranch} (default {@code refuse}): a file:// push into the branch
     * checked out in a non-bare repository would move it under that working copy, which then shows our
     * change as staged deletions. JGit's local transport does not check this, so we do, before pushing.
     */
    private static void refuseCheckedOutBranch(File gitDir, String branch, String describe) {
        try (Repository other = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            if (other.isBare() || !branch.equals(other.getBranch())) {
                return;
            }
            String deny = other.getConfig().getString("receive", null, "denyCurrentBranch");
            String mode = deny == null ? "refuse" : deny.toLowerCase(Locale.ROOT);
            if (List.of("ignore", "warn", "false").contains(mode)) {
                return;
            }
            throw new GitopsGitException("push to " + describe + " refused: branch " + branch + " is checked out "
                    + "in the non-bare repository " + other.getWorkTree() + " (receive.denyCurrentBranch), and moving "
                    + "it would leave that working copy with staged changes; point repository.url at a bare "
                    + "repository (git clone --bare), or check out another branch there; nothing was pushed");
        } catch (IOException e) {
            // not a repository we can read: the push itself reports it
        }
    }
}
