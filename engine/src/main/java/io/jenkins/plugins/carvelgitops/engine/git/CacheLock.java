package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.report.ProgressListener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Exclusive use of one cache folder, across processes (an OS file lock on {@code <folder>.lock}) and
 * across threads of one process (the same lock refused as overlapping). Waits, polling, up to a timeout.
 */
final class CacheLock implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static CacheLock acquire(Path folder, Duration timeout, ProgressListener listener) {
        Path lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
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
                    return new CacheLock(channel, lock);
                }
                channel.close();
                if (System.nanoTime() > deadline) {
                    throw new GitopsGitException("the clone in " + folder + " stayed in use by another carvel-gitops "
                            + "run for " + timeout.toSeconds() + " s; wait for it to finish, or use another --cache-dir");
                }
                if (!told) {
                    listener.waiting("waiting for " + folder + ": another carvel-gitops run is using this clone");
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
