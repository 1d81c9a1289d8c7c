package io.jenkins.plugins.carvelgitops.engine.validate;

import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.util.Objects;

/**
 * One thing wrong with the input, said in one line: where (file and field), what, and how to fix it.
 *
 * @param file  the file the value came from, as the user named it (or a label such as {@code --stage})
 * @param field the dotted path of the field inside the file, empty for the file as a whole
 * @param message what is wrong
 * @param fix   what to do about it, empty when the message already says it
 */
public record Problem(String file, String field, String message, String fix) {

    public Problem {
        Objects.requireNonNull(file, "file");
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** The one-line form: {@code file: field: message; fix}. Never spans lines. */
    public String line() {
        StringBuilder sb = new StringBuilder(file);
        if (!field.isEmpty()) {
            sb.append(": ").append(field);
        }
        sb.append(": ").append(message);
        if (!fix.isEmpty()) {
            sb.append("; ").append(fix);
        }
        return Text.oneLine(sb.toString(), " ");
    }

    @Override
    public String toString() {
        return line();
    }
}
