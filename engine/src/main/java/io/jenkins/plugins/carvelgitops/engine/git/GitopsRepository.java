package io.jenkins.plugins.carvelgitops.engine.git;

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

    /** What {@code change} would do, writing nothing. */
    default CommitResult dryRun(Change change) {
        return dryRun(ChangePlanner.of(change));
    }

    /** Applies and commits (and for a remote, pushes) the change; no commit when nothing differs. */
    default CommitResult publish(Change change) {
        return publish(ChangePlanner.of(change));
    }
}
