package io.jenkins.plugins.carvelgitops.engine.validate;

import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.util.Objects;

/**
 * One thing wrong with the input, said in one line: where (file and field), what, and how to fix it.
 *
 * @param file  the file the value came from, as the user named it, or a parameter's {@link Parameter#ref()}
 *              ({@code {stage}}) that each adapter spells its own way
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

    /** A problem with a parameter's value: its location is the parameter, as each adapter spells it. */
    public Problem(Parameter parameter, String field, String message, String fix) {
        this(parameter.ref(), field, message, fix);
    }

    /** The parameter this problem is about, when its location is one rather than a file. */
    public java.util.Optional<Parameter> parameter() {
        return Parameter.leading(file);
    }

    /**
     * The one-line form with parameters as the engine names them ({@code {to}: is required}); adapters show
     * {@link #line(ParameterSpelling)}. Never spans lines.
     */
    public String line() {
        return line(null);
    }

    /** The one-line form {@code file: field: message; fix}, parameters spelled by {@code spelling}. */
    public String line(ParameterSpelling spelling) {
        StringBuilder rest = new StringBuilder();
        if (!field.isEmpty()) {
            rest.append(": ").append(field);
        }
        rest.append(": ").append(message);
        if (!fix.isEmpty()) {
            rest.append("; ").append(fix);
        }
        return Text.oneLine(spelling == null ? file + rest : spelling.spellLabel(file) + spelling.spell(rest.toString()), " ");
    }

    @Override
    public String toString() {
        return line();
    }
}
