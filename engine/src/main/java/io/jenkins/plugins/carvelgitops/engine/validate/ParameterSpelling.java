package io.jenkins.plugins.carvelgitops.engine.validate;

/**
 * How one adapter names the engine's {@link Parameter}s: the command line says {@code --to}, a Jenkins
 * step {@code to:}. Engine messages hold {@link Parameter#ref()}s; {@link #spell} turns them into the
 * adapter's words, so a Jenkins user never reads a command-line flag.
 */
public interface ParameterSpelling {

    /** The neutral names themselves ({@code to}, {@code packageVersion}), for callers of the engine API. */
    ParameterSpelling NEUTRAL = Parameter::key;

    /** The parameter as a problem's location names it, before {@code ": "}: {@code --to}, {@code to}. */
    String label(Parameter parameter);

    /** The parameter as prose mentions it: {@code --to}, {@code to:}. */
    default String mention(Parameter parameter) {
        return label(parameter);
    }

    /** {@code text} with each {@link Parameter#ref()} replaced by its {@link #mention}. Null stays null. */
    default String spell(String text) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        String out = text;
        for (Parameter p : Parameter.values()) {
            out = out.replace(p.ref(), mention(p));
        }
        return out;
    }

    /** A problem's location: a leading {@link Parameter#ref()} becomes its {@link #label}, the rest is spelled. */
    default String spellLabel(String label) {
        return Parameter.leading(label).map(p -> label(p) + spell(label.substring(p.ref().length())))
                .orElseGet(() -> spell(label));
    }
}
