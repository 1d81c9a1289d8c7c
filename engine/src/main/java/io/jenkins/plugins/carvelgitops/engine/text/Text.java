package io.jenkins.plugins.carvelgitops.engine.text;

/**
 * How the engine puts a message from elsewhere (a cluster condition, a Git server, a file) on one line of a
 * log or report: line breaks and the blanks around them become one separator, other control characters a
 * blank, so a hostile message can neither start a line of its own nor move a terminal's cursor.
 */
public final class Text {

    private Text() {
    }

    /** {@code s} on one line, its lines joined with {@code "; "}; "" for null. */
    public static String oneLine(String s) {
        return oneLine(s, "; ");
    }

    /** {@code s} on one line, its lines joined with {@code separator}; "" for null. */
    public static String oneLine(String s, String separator) {
        if (s == null) {
            return "";
        }
        return s.strip().replaceAll("\\s*[\\r\\n]+\\s*", separator).replaceAll("\\p{Cntrl}", " ").strip();
    }
}
