package io.jenkins.plugins.carvelgitops.engine.text;

/**
 * How the engine puts text from elsewhere (a cluster condition, a Git server, a file) in front of a reader:
 * C0 controls (but newline and tab), DEL and C1 controls become spaces, so a value holding {@code ESC[2J}
 * or a carriage return cannot clear, recolour or overwrite a terminal; {@link #oneLine} also joins lines,
 * so a hostile message cannot start a line of its own. Every line the command line prints goes through
 * {@link #withoutControls}.
 */
public final class Text {

    private Text() {
    }

    /** {@code s} with every control character but newline and tab replaced by a space; "" for null. */
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

    /** {@code s} on one line, its lines joined with {@code "; "}, without control characters; "" for null. */
    public static String oneLine(String s) {
        return oneLine(s, "; ");
    }

    /** {@code s} on one line, its lines joined with {@code separator}, without control characters; "" for null. */
    public static String oneLine(String s, String separator) {
        if (s == null) {
            return "";
        }
        return withoutControls(s.strip().replaceAll("\\s*[\\r\\n]+\\s*", separator)).replace('\t', ' ').strip();
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
    }
}
