package io.jenkins.plugins.carvelgitops.engine.report;

/**
 * Text from Git, clusters and files made safe to print: C0 controls (but newline and tab), DEL and C1
 * controls become spaces, so a value holding {@code ESC[2J} or a carriage return cannot clear, recolour
 * or overwrite the terminal. Every line the command line prints goes through {@link #withoutControls}.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code s} with every control character but newline and tab replaced by a space. */
    public static String withoutControls(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append(' ');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** One line, without control characters: line breaks become "; " (values may span lines). */
    public static String oneLine(String s) {
        return s == null ? "" : withoutControls(s.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ")).strip();
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
    }
}
