package io.jenkins.plugins.carvelgitops.engine.verify;

import java.util.Objects;

/**
 * The judgement on one object against its {@link Expectation}.
 *
 * @param state   ready, still waiting, or failed (the wait ends)
 * @param seen    what the object reports, in a few words ({@code Ready=True at main@sha1:1a2b3c4})
 * @param message why it is waiting or failed, in the controller's words where there are any; "" when ready
 */
public record Readiness(State state, String seen, String message) {

    public enum State {
        READY, WAITING, FAILED;

        /** The word results use for it: waiting is {@code progressing}. */
        public io.jenkins.plugins.carvelgitops.engine.result.State asResultState() {
            return switch (this) {
                case READY -> io.jenkins.plugins.carvelgitops.engine.result.State.READY;
                case WAITING -> io.jenkins.plugins.carvelgitops.engine.result.State.PROGRESSING;
                case FAILED -> io.jenkins.plugins.carvelgitops.engine.result.State.FAILED;
            };
        }
    }

    public Readiness {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(seen, "seen");
        message = message == null ? "" : message;
    }

    static Readiness ready(String seen) {
        return new Readiness(State.READY, seen, "");
    }

    static Readiness waiting(String seen, String why) {
        return new Readiness(State.WAITING, seen, why);
    }

    static Readiness failed(String seen, String why) {
        return new Readiness(State.FAILED, seen, why);
    }

    public boolean isReady() {
        return state == State.READY;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }
}
