package io.jenkins.plugins.carvelgitops.engine.progress;

import java.util.Objects;

/** One thing worth a line of output: the vocabulary every renderer (CLI, Jenkins log) shares. */
public record ProgressEvent(Kind kind, String message) {

    public enum Kind {
        ACTION, WAITING, SUCCESS, WARNING, FAILURE
    }

    public ProgressEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
