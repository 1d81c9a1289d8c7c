package io.jenkins.plugins.carvelgitops.engine.result;

/**
 * The one vocabulary every result speaks for "how does it stand": verify's stages and objects, status's
 * stages and parts, the CLI's JSON and the Jenkins steps' return values all use these words.
 */
public enum State {
    /** Done: our commit applied, our version reconciled. */
    READY("ready"),
    /** Not read, or not readable (no cluster access, an unreachable cluster, a stage not rendered). */
    UNKNOWN("unknown"),
    /** On its way: reconciling, an older revision or version, still waiting when another part failed. */
    PROGRESSING("progressing"),
    /** The wait ran out before it was ready. */
    TIMED_OUT("timedOut"),
    /** The wait was stopped (interrupted, aborted) before it was ready. */
    CANCELED("canceled"),
    /** The controller gave up, or the object cannot make progress. */
    FAILED("failed");

    private final String word;

    State(String word) {
        this.word = word;
    }

    /** The word in documents and tables: {@code ready}, {@code progressing}, {@code timedOut}, … */
    public String word() {
        return word;
    }

    /** The state a word names, also in the upper-case form older records used ({@code NOT_READY}, {@code ABORTED}). */
    public static State ofWord(String word) {
        for (State s : values()) {
            if (s.word.equals(word) || s.name().equals(word)) {
                return s;
            }
        }
        return switch (word) {
            case "NOT_READY", "waiting" -> PROGRESSING;
            case "ABORTED" -> CANCELED;
            default -> throw new IllegalArgumentException("not a state: " + word);
        };
    }
}
