package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import java.util.List;
import java.util.Objects;

/**
 * What to commit: files to write, paths to remove, and the commit message. Applying the same change
 * twice is a no-op the second time (no empty commit).
 */
public record Change(List<RepoFile> files, List<String> removals, String message) {

    public Change {
        files = List.copyOf(files);
        removals = List.copyOf(removals);
        Objects.requireNonNull(message, "message");
    }
}
