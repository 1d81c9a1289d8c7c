package io.jenkins.plugins.carvelgitops.engine.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Git's own lock files ({@code index.lock}, {@code HEAD.lock}, the branch's ref lock) in a user's working
 * copy. A run notes in {@code .git/carvel-gitops-committing} when it starts staging and committing, and
 * removes the note when done. A lock is ours, left by a killed run, only when that note is there and the
 * lock was made during the run's commit; then the next run (holding the {@link FolderLock}, so no other
 * carvel-gitops run is alive) removes it. Any other lock belongs to another Git process: it is never
 * deleted, and the run stops naming the lock and how to clear it.
 *
 * <p>A push into a repository on this machine ({@code file://}) is noted the same way in that repository,
 * because its receive-pack runs in our process: a run killed while it moved the branch leaves the branch's
 * lock there, which every later push would read as a lost race ({@link #clearPushLeftovers}).
 */
final class GitLocks {

    static final String NOTE = "carvel-gitops-committing";
    /** Longer than any commit of ours takes; a lock made later than this after the note is not ours. */
    private static final Duration COMMIT_WINDOW = Duration.ofMinutes(10);
    /** File systems keep modification times at a coarse granularity. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    private GitLocks() {
    }

    /**
     * Removes the locks a killed run of ours left, refuses any other; call it holding the {@link FolderLock}.
     *
     * @param folder the working copy, for the message
     */
    static void clearOurs(Path gitDir, String branch, Path folder) {
        Path note = gitDir.resolve(NOTE);
        Long started = startedAt(note);
        try {
            for (Path lock : List.of(gitDir.resolve("index.lock"), gitDir.resolve("HEAD.lock"),
                    gitDir.resolve("refs/heads/" + branch + ".lock"))) {
                if (!Files.exists(lock, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!madeDuring(lock, started)) {
                    throw new GitopsGitException(lock + " exists: another Git process may be running in " + folder
                            + "; wait for it to finish, or if none is running, remove " + lock + " and run again");
                }
                Files.delete(lock);
            }
            Files.deleteIfExists(note);
        } catch (IOException e) {
            throw new GitopsGitException("cannot clear what an interrupted run left in " + gitDir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Before pushing into a repository on this machine (a {@code file://} remote, whose receive-pack runs in
     * our process, so a killed run leaves its ref lock there): removes the lock of each of {@code branches}
     * that a killed push of ours made; call it holding that repository's {@link FolderLock}. Any other
     * lock is left alone for the push to report: it may be another Git process's, and it is not ours.
     */
    static void clearPushLeftovers(Path gitDir, List<String> branches) {
        Path note = gitDir.resolve(NOTE);
        Long started = startedAt(note);
        if (started == null) {
            return;
        }
        try {
            for (String branch : branches) {
                Path lock = gitDir.resolve("refs/heads/" + branch + ".lock");
                if (Files.exists(lock, java.nio.file.LinkOption.NOFOLLOW_LINKS) && madeDuring(lock, started)) {
                    Files.delete(lock);
                }
            }
            Files.deleteIfExists(note);
        } catch (IOException e) {
            throw new GitopsGitException("cannot clear what an interrupted push left in " + gitDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code lock} is a regular file made while the run that noted {@code started} was committing. */
    private static boolean madeDuring(Path lock, Long started) throws IOException {
        if (started == null || !SafeTree.isRegularFile(lock)) {
            return false;
        }
        long made = Files.getLastModifiedTime(lock, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis();
        return made >= started - CLOCK_SLACK.toMillis() && made <= started + COMMIT_WINDOW.toMillis();
    }

    /** Notes that this run is about to stage and commit (or push into a repository on this machine). */
    static void begin(Path gitDir) {
        try {
            Files.writeString(gitDir.resolve(NOTE), Long.toString(System.currentTimeMillis()) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GitopsGitException("cannot write in " + gitDir + ": " + Failures.rootMessage(e), e);
        }
    }

    /** This run's commit is over (made or given up); its locks are released. */
    static void end(Path gitDir) {
        try {
            Files.deleteIfExists(gitDir.resolve(NOTE));
        } catch (IOException e) {
            // the next run sees the note, finds no lock and removes it
        }
    }

    private static Long startedAt(Path note) {
        if (!SafeTree.isRegularFile(note)) {
            return null;
        }
        try {
            return Long.parseLong(Files.readString(note, StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
