package io.jenkins.plugins.carvelgitops.steps;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One stage's verify result, as the build summary, the console table and the step's return value show
 * it. Recorded in {@code build.xml}, so a plain class with JDK-typed fields.
 */
public final class StageResult implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String READY = "READY";

    private final String stage;
    private final String state;
    private final String revision;
    private final String version;
    private final long durationMillis;
    private final String message;

    /**
     * @param state    {@code READY}, {@code NOT_READY}, {@code FAILED}, {@code TIMED_OUT} or {@code ABORTED}
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

    public boolean isReady() {
        return READY.equals(state);
    }

    /** The CSS class the build summary colours this state with. */
    public String getColour() {
        return switch (state) {
            case READY -> "carvel-gitops-ok";
            case "NOT_READY", "ABORTED" -> "carvel-gitops-pending";
            default -> "carvel-gitops-failed";
        };
    }

    /** {@code 1m 05s}, {@code 12s} or {@code 0.4s}. */
    public String getTook() {
        return formatDuration(durationMillis);
    }

    public static String formatDuration(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long s = Math.round(millis / 1000.0);
        return s < 60 ? s + "s" : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
}
