package io.jenkins.plugins.carvelgitops.engine.progress;

/**
 * Where the engine reports what it does. The CLI prints events to stderr; the plugin prints one
 * prefixed line per event to the build log. Implementations must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> { };

    void event(ProgressEvent event);

    default void action(String message) {
        event(new ProgressEvent(ProgressEvent.Kind.ACTION, message));
    }

    default void waiting(String message) {
        event(new ProgressEvent(ProgressEvent.Kind.WAITING, message));
    }

    default void success(String message) {
        event(new ProgressEvent(ProgressEvent.Kind.SUCCESS, message));
    }

    default void warning(String message) {
        event(new ProgressEvent(ProgressEvent.Kind.WARNING, message));
    }

    default void failure(String message) {
        event(new ProgressEvent(ProgressEvent.Kind.FAILURE, message));
    }
}
