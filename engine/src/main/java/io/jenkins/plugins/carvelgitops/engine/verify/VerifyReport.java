package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.result.State;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a verify ended, and per stage what each object was expected to report and what it last reported.
 *
 * @param outcome  ready, failed, timed out or canceled
 * @param revision the commit verified
 * @param elapsed  time from start to the end
 * @param message  one line: what succeeded, or which stage/object failed and the controller's words
 * @param stages   per stage (the GitRepository under {@value #SOURCE}), in order
 */
public record VerifyReport(Outcome outcome, String revision, Duration elapsed, String message,
        List<StageReport> stages) {

    public static final String SOURCE = "source";

    public enum Outcome {
        READY, FAILED, TIMED_OUT, CANCELED;

        public State asResultState() {
            return switch (this) {
                case READY -> State.READY;
                case FAILED -> State.FAILED;
                case TIMED_OUT -> State.TIMED_OUT;
                case CANCELED -> State.CANCELED;
            };
        }
    }

    public VerifyReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        stages = List.copyOf(stages);
    }

    /**
     * Whether a controller reported a failure (an object is failed), as opposed to a wait that ended
     * because a cluster could not be reached or read.
     */
    public boolean controllerFailed() {
        return outcome == Outcome.FAILED && stages.stream().anyMatch(s -> s.state() == Readiness.State.FAILED);
    }

    public record StageReport(String stage, Readiness.State state, List<ObjectReport> objects) {
        public StageReport {
            objects = List.copyOf(objects);
        }
    }

    /**
     * @param cluster  {@code build cluster} or {@code run cluster of stage prod}
     * @param expected what it had to report
     * @param seen     what it last reported ({@code not seen} when no answer came)
     * @param message  why it is not ready, or the failure
     */
    public record ObjectReport(String cluster, String kind, String namespace, String name, String expected,
            Readiness.State state, String seen, String message) {
    }
}
