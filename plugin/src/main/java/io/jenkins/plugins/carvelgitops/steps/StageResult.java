package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * One stage's verify result, as the build summary, the console table and the step's return value show
 * it. Recorded in {@code build.xml}, so a plain class with JDK-typed fields.
 */
public final class StageResult implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String READY = State.READY.word();

    private final String stage;
    private final String state;
    private final String revision;
    private final String version;
    private final long durationMillis;
    private final String message;

    /**
     * @param state    a {@link State} word: {@code ready}, {@code progressing} (waiting when another object
     *                 failed), {@code failed}, {@code timedOut} or {@code canceled}
     * @param revision the full commit the stage was verified against (ours, or the branch head when none was given)
     * @param version  the Package version the PackageInstall had to report
     * @param message  what is still missing or went wrong; empty when ready
     */
    public StageResult(String stage, String state, String revision, String version, long durationMillis,
            String message) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.state = Objects.requireNonNull(state, "state");
        this.revision = revision;
        this.version = version;
        this.durationMillis = durationMillis;
        this.message = message == null ? "" : message;
    }

    public String getStage() {
        return stage;
    }

    public String getState() {
        return state;
    }

    public String getRevision() {
        return revision;
    }

    public String getVersion() {
        return version;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public String getMessage() {
        return message;
    }

    /** A record of an older build spells its state in upper case ({@code NOT_READY}): read it as today's word. */
    private Object readResolve() {
        String word = State.ofWord(state).word();
        return word.equals(state) ? this : new StageResult(stage, word, revision, version, durationMillis, message);
    }

    public boolean isReady() {
        return READY.equals(state);
    }

    /** The CSS class the build summary colours this state with. */
    public String getColour() {
        return switch (State.ofWord(state)) {
            case READY -> "carvel-gitops-ok";
            case PROGRESSING, CANCELED, UNKNOWN -> "carvel-gitops-pending";
            case TIMED_OUT, FAILED -> "carvel-gitops-failed";
        };
    }

    /** As Flux writes durations, to the tenth of a second below a minute: {@code 400ms}, {@code 4.2s}, {@code 5m5s}. */
    public String getTook() {
        return formatDuration(durationMillis);
    }

    public static String formatDuration(long millis) {
        return FluxDuration.took(Duration.ofMillis(millis));
    }
}
