package io.jenkins.plugins.carvelgitops.engine.bootstrap;

import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stage's secret values, supplied at run time (a file, the environment, a credential) and never written
 * to Git: bootstrap applies them as the Secret {@code <install>-secret-values}. {@link #toString()} shows
 * where they came from and the keys, never a value; so do all errors about them.
 *
 * @param source where they came from, as messages name it, e.g. {@code --secret-values prod}
 * @param values top-level value keys and their values
 */
public record SecretValues(String source, Map<String, Object> values) {

    public SecretValues {
        Objects.requireNonNull(source, "source");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The environment variable the CLI reads a stage's values from: {@code CARVEL_GITOPS_SECRET_VALUES_<STAGE>}, upper case, {@code -} as {@code _}. */
    public static String environmentName(String stage) {
        return "CARVEL_GITOPS_SECRET_VALUES_" + stage.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Reads a YAML mapping of {@code key: value}. Errors name the source and, for bad YAML, only the line:
     * a YAML parser's message may quote the text, and the text is secret.
     */
    @SuppressWarnings("unchecked")
    public static SecretValues parse(String yaml, String source) {
        Object doc;
        try {
            doc = SafeYaml.parseSingle(yaml, source);
        } catch (ValidationException e) {
            String field = e.problems().isEmpty() ? "" : e.problems().get(0).field();
            throw ValidationException.of(source, field, "is not valid YAML", "give a YAML mapping of key: value");
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw ValidationException.of(source, "", "is not a YAML mapping of key: value",
                    "write one top-level key per secret value, e.g. db_password: ...");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return new SecretValues(source, values);
    }

    @Override
    public String toString() {
        return "SecretValues[" + source + ": " + String.join(", ", values.keySet()) + " = ****]";
    }
}
