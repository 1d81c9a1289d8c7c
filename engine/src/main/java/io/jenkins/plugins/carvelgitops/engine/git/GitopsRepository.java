package io.jenkins.plugins.carvelgitops.engine.git;

/**
 * A GitOps repository branch that changes can be published to: the local embedded default
 * ({@link LocalGitopsRepository}) or a remote one.
 */
public interface GitopsRepository {

    /** What {@code change} would do, writing nothing. */
    CommitResult dryRun(Change change);

    /** Applies and commits (and for a remote, pushes) the change; no commit when nothing differs. */
    CommitResult publish(Change change);
}
