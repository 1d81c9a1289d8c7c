package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Exclusive use of a folder by one carvel-gitops run, across processes (an OS file lock, which the
 * operating system drops when a process dies, however it dies) and across threads of one process (the
 * same lock refused as overlapping). Waits, polling, up to a timeout. Holding it proves that what an
 * interrupted carvel-gitops run left behind (temporary files, in the clone cache Git's {@code index.lock})
 * is stale.
 */
final class FolderLock implements AutoCloseable {

    /** Suffix of the temporary files written beside their targets and renamed into place. */
    static final String TMP_SUFFIX = ".carvel-gitops-tmp";

    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the clone cache {@code folder} through {@code <folder>.lock} beside it. */
    static FolderLock forCache(Path folder, Duration timeout, ProgressListener listener) {
        return acquire(folder, folder.resolveSibling(folder.getFileName() + ".lock"), timeout, listener);
    }

    /**
     * Locks the working copy whose Git folder is {@code gitDir}, through a lock file inside it. Git's own
     * locks there are left to {@link GitLocks}: only those a killed run of ours made are removed.
     */
    static FolderLock forRepository(Path gitDir, Duration timeout, ProgressListener listener) {
        return acquire(gitDir, gitDir.resolve("carvel-gitops.lock"), timeout, listener);
    }

    private static FolderLock acquire(Path folder, Path lockFile, Duration timeout, ProgressListener listener) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        try {
            Files.createDirectories(folder);
            while (true) {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = null;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException busyInThisProcess) {
                    lock = null;
                }
                if (lock != null) {
                    return new FolderLock(channel, lock);
                }
                channel.close();
                if (System.nanoTime() > deadline) {
                    throw new GitopsGitException(folder + " stayed in use by another carvel-gitops run for "
                            + timeout.toSeconds() + " s; wait for it to finish (or, for a clone, use another "
                            + "{cacheDir})");
                }
                if (!told) {
                    listener.waiting("waiting for " + folder + ": another carvel-gitops run is using it");
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot lock the cache folder " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitopsGitException("interrupted while waiting for the cache folder " + folder, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS drops the lock with the channel anyway
        }
    }
}
