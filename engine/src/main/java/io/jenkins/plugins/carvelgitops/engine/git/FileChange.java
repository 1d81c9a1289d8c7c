package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.Objects;

/**
 * How one repository file differs from what the plan wants.
 *
 * @param before the current content, null when the file does not exist
 * @param after  the wanted content, null when the file is to be removed
 */
public record FileChange(String path, Kind kind, String before, String after) {

    public enum Kind {
        ADDED, MODIFIED, REMOVED
    }

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
