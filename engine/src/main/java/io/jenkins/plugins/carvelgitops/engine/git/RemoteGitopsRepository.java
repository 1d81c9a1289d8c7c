package io.jenkins.plugins.carvelgitops.engine.git;

import static io.jenkins.plugins.carvelgitops.engine.git.Revisions.shortSha;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.IOException;
import io.jenkins.plugins.carvelgitops.engine.text.Counts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Publishing to a remote branch that others push to as well. Each attempt starts from the remote's
 * current head: sync the working copy, plan the change on that head (re-validating it), write only
 * what differs, commit on top of the head, push as a fast-forward. When the push is rejected because
 * someone else pushed first, wait a jittered backoff and start again from the new head, at most
 * {@link RetryPolicy#maxAttempts()} times. History stays linear (every commit has the previous head as
 * its only parent), a change already present makes no commit, and a plan that fails on the new head
 * stops the publish with nothing pushed.
 *
 * <p>The Git operations are behind the {@link GitRemote} port, so every host runs this same algorithm.
 */
public final class RemoteGitopsRepository implements GitopsRepository {

    /** Waits between attempts; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Supplier<? extends GitRemote> sessions;
    private final RetryPolicy retry;
    private final ProgressListener listener;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param sessions opens the working copy (exclusively) for one dry run or publish
     */
    public RemoteGitopsRepository(Supplier<? extends GitRemote> sessions, RetryPolicy retry,
            ProgressListener listener) {
        this(sessions, retry, listener, d -> Thread.sleep(d.toMillis()), () -> ThreadLocalRandom.current().nextDouble());
    }

    public RemoteGitopsRepository(Supplier<? extends GitRemote> sessions, RetryPolicy retry, ProgressListener listener,
            Sleeper sleeper, DoubleSupplier random) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public CommitResult dryRun(ChangePlanner planner) {
        try (GitRemote remote = sessions.get()) {
            String head = remote.sync();
            List<FileChange> changes = plan(remote, head, planner).changes();
            return new CommitResult(head, false, changes, WorkTree.unifiedDiff(changes));
        }
    }

    /** A change planned on the fetched commit's tree, its paths checked there and in the working copy. */
    private record Planned(WorkTree tree, Change change, List<FileChange> changes) {
    }

    private static Planned plan(GitRemote remote, String head, ChangePlanner planner) {
        WorkTree tree = new WorkTree(remote.workTree(), remote.describe());
        if (head == null) {
            Change change = planner.plan(RepositoryView.EMPTY);
            ready(remote, tree, change);
            return new Planned(tree, change, tree.changes(change.files(), change.removals(), path -> null));
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(remote.workTree().resolve(".git").toFile())
                .setMustExist(true).build()) {
            CommittedTree committed = CommittedTree.at(repo, ObjectId.fromString(head), remote.describe());
            Change change = planner.plan(committed);
            committed.checkFiles(change.paths());
            ready(remote, tree, change);
            return new Planned(tree, change, tree.changes(change.files(), change.removals(),
                    committed.contents(change.paths())::get));
        } catch (IOException e) {
            throw new GitopsGitException("cannot open the working copy of " + remote.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The working copy checked for the change's paths once the remote has readied them, and without
     * the temporary files a killed run may have left beside them (we hold the working copy).
     */
    private static void ready(GitRemote remote, WorkTree tree, Change change) {
        remote.prepare(change.paths());
        tree.check(change);
        tree.clearLeftovers(change.files());
    }

    @Override
    public CommitResult publish(ChangePlanner planner) {
        try (GitRemote remote = sessions.get()) {
            String firstHead = null;
            boolean moved = false;
            for (int attempt = 1; ; attempt++) {
                String head = remote.sync();
                if (attempt == 1) {
                    firstHead = head;
                } else if (!Objects.equals(head, firstHead)) {
                    moved = true;
                }
                Planned planned = plan(remote, head, planner);
                WorkTree tree = planned.tree();
                Change change = planned.change();
                List<FileChange> changes = planned.changes();
                if (changes.isEmpty()) {
                    return unchanged(remote, head);
                }
                tree.apply(changes);
                String commit = remote.commit(changes, change.message());
                listener.action("pushing " + shortSha(commit) + " (" + Counts.of(changes.size(), "file") + ") to "
                        + remote.describe() + ", attempt " + attempt + " of " + retry.maxAttempts());
                if (push(remote, commit) == GitRemote.PushStatus.PUSHED) {
                    listener.success("pushed " + shortSha(commit) + " to " + remote.describe());
                    return new CommitResult(commit, true, changes, WorkTree.unifiedDiff(changes));
                }
                if (attempt >= retry.maxAttempts()) {
                    if (!moved && attempt > 1 && head != null && head.equals(remoteHeadOrNull(remote))) {
                        throw stuck(remote, head, attempt);
                    }
                    throw new GitopsGitException("push to " + remote.describe() + " was rejected " + attempt
                            + " times because others pushed first each time; nothing of this change was pushed. "
                            + "Run again, or allow more attempts ({pushAttempts})");
                }
                Duration wait = retry.delayAfter(attempt, random);
                listener.warning("push rejected: " + remote.describe() + " moved on from "
                        + (head == null ? "empty" : shortSha(head)) + " (attempt " + attempt + " of "
                        + retry.maxAttempts() + "); fetching the new head and re-applying in " + wait.toMillis()
                        + " ms");
                pause(wait);
            }
        }
    }

    /**
     * Every push was refused as if someone had pushed first, yet the branch never moved: no race, but a
     * server that cannot update the branch (C Git and JGit word a held ref lock as a lock failure).
     */
    private static GitopsGitException stuck(GitRemote remote, String head, int attempts) {
        return new GitopsGitException("push to " + remote.describe() + " was refused " + attempts + " times, yet the "
                + "branch stayed at " + shortSha(head) + ": the server cannot update it, and not because others pushed "
                + "(a lock file left in the repository on the server, such as refs/heads/<branch>.lock, or a hook "
                + "that refuses with a lock failure's wording); nothing of this change was pushed. Remove the stale "
                + "lock on the server, then run again");
    }

    private static String remoteHeadOrNull(GitRemote remote) {
        try {
            return remote.remoteHead();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Pushes; when the push fails (the connection broke, the reply was cut off), asks the remote where
     * the branch is before reporting: a server may have taken the pack and moved the branch to our
     * commit although we never read its answer.
     */
    private GitRemote.PushStatus push(GitRemote remote, String commit) {
        try {
            return remote.push(commit);
        } catch (GitopsGitException e) {
            String now;
            try {
                now = remote.remoteHead();
            } catch (RuntimeException unreadable) {
                e.addSuppressed(unreadable);
                throw e;
            }
            if (commit.equals(now)) {
                listener.warning("the server's reply to the push was cut off, but " + remote.describe()
                        + " now holds " + shortSha(commit) + ": the change landed");
                return GitRemote.PushStatus.PUSHED;
            }
            throw e;
        }
    }

    @Override
    public CommitResult publishToBranch(ChangePlanner planner, Function<Change, String> branchName) {
        try (GitRemote remote = sessions.get()) {
            String head = remote.sync();
            Planned planned = plan(remote, head, planner);
            List<FileChange> changes = planned.changes();
            if (changes.isEmpty()) {
                return unchanged(remote, head);
            }
            planned.tree().apply(changes);
            String commit = remote.commit(changes, planned.change().message());
            String branch = branchName.apply(planned.change());
            GitRemote.BranchPush pushed = remote.pushBranch(commit, branch);
            listener.success((pushed.pushed() ? "pushed " : "branch already holds this change: ")
                    + shortSha(pushed.head()) + " on " + branch);
            return new CommitResult(pushed.head(), pushed.pushed(), changes, WorkTree.unifiedDiff(changes));
        }
    }

    private CommitResult unchanged(GitRemote remote, String head) {
        listener.success("nothing to change: " + remote.describe()
                + (head == null ? " is empty" : " at " + shortSha(head)) + " already holds this content");
        return new CommitResult(head, false, List.of(), "");
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitopsGitException("interrupted while waiting to push again; nothing was pushed", e);
        }
    }
}
