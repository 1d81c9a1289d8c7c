package io.jenkins.plugins.carvelgitops.engine.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One carvel-gitops process at a time per repository folder, by an OS file lock (released by the
 * operating system when a process dies, however it dies). Holding it proves that leftovers of an
 * interrupted run, Git's {@code index.lock} and our temporary files, are stale, so they are removed
 * and the next run works.
 */
public final class RepositoryLock implements AutoCloseable {

    static final String LOCK_FILE = "carvel-gitops.lock";
    static final String TMP_SUFFIX = ".carvel-gitops-tmp";

    private final FileChannel channel;
    private final FileLock lock;

    private RepositoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the repository whose Git folder is {@code gitDir}, waiting up to {@code wait}
     * for another carvel-gitops process to finish, then clears what an interrupted run left behind.
     */
    public static RepositoryLock acquire(Path gitDir, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            FileChannel channel = FileChannel.open(gitDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    RepositoryLock held = new RepositoryLock(channel, lock);
                    held.clearLeftovers(gitDir);
                    return held;
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new GitopsGitException("another carvel-gitops run holds " + gitDir.resolve(LOCK_FILE)
                            + "; wait for it to finish");
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot lock " + gitDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitopsGitException("interrupted while waiting for the lock on " + gitDir, e);
        }
    }

    private void clearLeftovers(Path gitDir) throws IOException {
        Files.deleteIfExists(gitDir.resolve("index.lock"));
        Files.deleteIfExists(gitDir.resolve("HEAD.lock"));
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS releases the lock with the channel anyway.
        }
    }
}
