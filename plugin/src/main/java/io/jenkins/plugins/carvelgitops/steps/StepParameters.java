package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * How step and builder parameters are read: trimmed, empty means unset, stage lists and overrides in
 * the textual forms a form field or a Pipeline string can carry. No Jenkins types, so it is tested
 * without a running Jenkins.
 */
public final class StepParameters {

    /** The config file, relative to the workspace, when none is given. */
    public static final String DEFAULT_CONFIG = "carvel-gitops.yaml";

    private StepParameters() {
    }

    /** Trimmed text, or null when blank. */
    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** {@code value} with build variables expanded, trimmed; null stays null. */
    public static String expand(java.util.function.UnaryOperator<String> expand, String value) {
        return value == null ? null : trimToNull(expand.apply(value));
    }

    /** The config path a step uses: the given one, else {@value #DEFAULT_CONFIG}. */
    public static String configOrDefault(String config) {
        String c = trimToNull(config);
        return c == null ? DEFAULT_CONFIG : c;
    }

    /**
     * Stage names from {@code "staging, prod"} or {@code "staging prod"}: in the order written, each
     * once.
     *
     * @throws IllegalArgumentException naming the first stage that is not a DNS-1123 label
     */
    public static List<String> stages(String text) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        String t = trimToNull(text);
        if (t == null) {
            return List.of();
        }
        for (String name : t.split("[,\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            String problem = stageNameProblem(name);
            if (problem != null) {
                throw new IllegalArgumentException("stages: '" + name + "' " + problem);
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** Why {@code name} cannot be a stage name, or null when it can. */
    public static String stageNameProblem(String name) {
        return Names.labelProblem(name);
    }

    /**
     * Config overrides from one {@code KEY=VALUE} per line (blank lines and lines starting with
     * {@code #} are skipped), e.g. {@code repository.branch=main} or {@code stages.prod.values.replicas=3}.
     *
     * @throws IllegalArgumentException naming the line that is not {@code KEY=VALUE}
     */
    public static Map<String, String> overrides(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        String t = trimToNull(text);
        if (t == null) {
            return map;
        }
        String[] lines = t.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq <= 0 ? "" : line.substring(0, eq).strip();
            if (key.isEmpty() || !key.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("overrides: line " + (i + 1)
                        + " is not KEY=VALUE; write it like repository.branch=main");
            }
            map.put(key, line.substring(eq + 1).strip());
        }
        return map;
    }

    /**
     * A Flux-style duration ({@code 90s}, {@code 5m}, {@code 1h30m}); the fallback when blank.
     *
     * @throws IllegalArgumentException when it is not a duration or not positive
     */
    public static Duration duration(String field, String text, Duration fallback) {
        String t = trimToNull(text);
        if (t == null) {
            return fallback;
        }
        if (!FluxDuration.isValid(t)) {
            throw new IllegalArgumentException(field + ": '" + t + "' is not a duration; write it like 90s, 5m or 1h");
        }
        Duration d = FluxDuration.parse(t);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(field + ": must be longer than zero");
        }
        return d;
    }

    /** Why {@code text} is not a usable duration, or null when it is (blank is fine: the default). */
    public static String durationProblem(String text) {
        try {
            duration("timeout", text, Duration.ZERO);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage().substring("timeout: ".length());
        }
    }

    /** Copies a list into an {@link ArrayList}, the list type Pipeline scripts may use freely. */
    static <T> ArrayList<T> arrayList(List<T> list) {
        return new ArrayList<>(list);
    }
}
