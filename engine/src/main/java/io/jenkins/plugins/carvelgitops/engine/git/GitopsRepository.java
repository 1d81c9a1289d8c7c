package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.function.Function;

/**
 * A GitOps repository branch that changes can be published to: the local embedded default
 * ({@link LocalGitopsRepository}) or a remote one ({@link RemoteGitopsRepository}).
 */
public interface GitopsRepository {

    /** What the planned change would do at the current head, writing nothing. */
    CommitResult dryRun(ChangePlanner planner);

    /**
     * Plans the change at the current head, applies and commits it (and for a remote, pushes it); no
     * commit when nothing differs. A remote re-plans on a newer head when someone else pushed first.
     */
    CommitResult publish(ChangePlanner planner);

    /**
     * Plans the change at the current head of the configured branch, commits it on top of that head and
     * pushes the commit to {@code branch} instead (a pull request's head branch); the configured branch
     * is not touched. No commit when the head already holds the change. {@code branch} names the branch
     * from the planned change, so it can name what the plan decided.
     */
    default CommitResult publishToBranch(ChangePlanner planner, Function<Change, String> branch) {
        throw new GitopsGitException("pull requests need a hosted repository: set repository.url to the "
                + "repository's https or ssh URL instead of a local folder");
    }

    /** What {@code change} would do, writing nothing. */
    default CommitResult dryRun(Change change) {
        return dryRun(ChangePlanner.of(change));
    }

    /** Applies and commits (and for a remote, pushes) the change; no commit when nothing differs. */
    default CommitResult publish(Change change) {
        return publish(ChangePlanner.of(change));
    }
}
