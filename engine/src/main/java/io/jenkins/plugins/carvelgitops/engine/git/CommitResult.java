package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.List;

/**
 * The outcome of applying a plan.
 *
 * @param sha     the new commit, or the unchanged head when nothing changed (null for a dry run or an
 *                empty repository that stayed empty)
 * @param changed whether a commit was made
 * @param changes what differed (for a dry run: what would change)
 * @param diff    the unified diff of the changes
 */
public record CommitResult(String sha, boolean changed, List<FileChange> changes, String diff) {

    public CommitResult {
        changes = List.copyOf(changes);
    }

    public String shortSha() {
        return Revisions.shortSha(sha);
    }
}
