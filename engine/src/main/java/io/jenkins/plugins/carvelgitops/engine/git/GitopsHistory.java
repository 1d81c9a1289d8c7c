package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.List;
import java.util.Optional;

/**
 * Read-only view of the GitOps repository that verify and status use: the head of a branch, files at
 * a commit, and ancestry.
 */
public interface GitopsHistory extends RevisionHistory {

    /** The commit the branch points at, if the branch exists. */
    Optional<String> head(String branch);

    /** The content of a file at a commit, if it exists there. */
    Optional<String> read(String sha, String path);

    /** The names of the entries of a folder at a commit, sorted; empty when the folder does not exist. */
    List<String> list(String sha, String folder);

    /**
     * The full SHAs of the commits whose name starts with {@code prefix} (lower-case hex, at least four
     * characters), in no particular order; empty when none does. {@link CommitNames#resolve} picks the one.
     */
    List<String> commitsStartingWith(String prefix);
}
