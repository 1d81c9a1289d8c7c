package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.report.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

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
            WorkTree tree = new WorkTree(remote.workTree());
            Change change = planner.plan(tree);
            List<FileChange> changes = tree.changes(change.files(), change.removals());
            return new CommitResult(head, false, changes, WorkTree.unifiedDiff(changes));
        }
    }

    @Override
    public CommitResult publish(ChangePlanner planner) {
        try (GitRemote remote = sessions.get()) {
            for (int attempt = 1; ; attempt++) {
                Attempt a = attempt(remote, planner);
                String head = a.head();
                WorkTree tree = a.tree();
                Change change = a.change();
                List<FileChange> changes = a.changes();
                if (changes.isEmpty()) {
                    return unchanged(remote, head);
                }
                tree.apply(changes);
                String commit = remote.commit(changes, change.message());
                listener.action("pushing " + shortSha(commit) + " (" + changes.size() + " files) to "
                        + remote.describe() + ", attempt " + attempt + " of " + retry.maxAttempts());
                if (remote.push(commit) == GitRemote.PushStatus.PUSHED) {
                    listener.success("pushed " + shortSha(commit) + " to " + remote.describe());
                    return new CommitResult(commit, true, changes, WorkTree.unifiedDiff(changes));
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new GitopsGitException("push to " + remote.describe() + " was rejected " + attempt
                            + " times because others pushed first each time; nothing of this change was pushed. "
                            + "Run again, or allow more attempts (--push-attempts)");
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

    @Override
    public CommitResult publishToBranch(ChangePlanner planner, Function<Change, String> branchName) {
        try (GitRemote remote = sessions.get()) {
            Attempt a = attempt(remote, planner);
            if (a.changes().isEmpty()) {
                return unchanged(remote, a.head());
            }
            a.tree().apply(a.changes());
            List<FileChange> changes = a.changes();
            String commit = remote.commit(changes, a.change().message());
            String branch = branchName.apply(a.change());
            GitRemote.BranchPush pushed = remote.pushBranch(commit, branch);
            listener.success((pushed.pushed() ? "pushed " : "branch already holds this change: ")
                    + shortSha(pushed.head()) + " on " + branch);
            return new CommitResult(pushed.head(), pushed.pushed(), changes, WorkTree.unifiedDiff(changes));
        }
    }

    /** One attempt's start: the synced head and the change planned on it. */
    private record Attempt(String head, WorkTree tree, Change change, List<FileChange> changes) {
    }

    private static Attempt attempt(GitRemote remote, ChangePlanner planner) {
        String head = remote.sync();
        WorkTree tree = new WorkTree(remote.workTree());
        Change change = planner.plan(tree);
        return new Attempt(head, tree, change, tree.changes(change.files(), change.removals()));
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

    static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(7, sha.length()));
    }
}
