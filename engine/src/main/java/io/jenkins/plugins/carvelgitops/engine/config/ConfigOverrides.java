package io.jenkins.plugins.carvelgitops.engine.config;

import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.Problem;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Config keys set from outside the file: {@code repository.url=/tmp/gitops}, {@code flux.apiVersion=v1},
 * {@code stages.prod.values.replicas=3}. A stage is addressed by its name. Values are read as YAML
 * scalars, so {@code true} and {@code 3} keep their types; an empty value unsets the key.
 */
public final class ConfigOverrides {

    public static final ConfigOverrides NONE = new ConfigOverrides(Map.of());
    /** The value of {@code KEY=}: the key is removed, so its default applies. */
    private static final Object UNSET = new Object();

    private final Map<String, String> values;

    public ConfigOverrides(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Parses {@code key=value} pairs as given on a command line. A key holds at most
     * {@link SafeYaml#MAX_NESTING} segments and a pair at most {@link SafeYaml#MAX_FILE_BYTES}, the limits
     * of a config file, so no override builds a tree a file could not hold.
     */
    public static ConfigOverrides parse(List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw ValidationException.of(Parameter.OVERRIDE, shortened(pair), "is not KEY=VALUE",
                        "write it like repository.branch=main");
            }
            String key = pair.substring(0, eq).trim();
            if (pair.length() > SafeYaml.MAX_FILE_BYTES) {
                throw ValidationException.of(label(key), "", "is " + pair.length() + " characters, "
                        + "more than the " + SafeYaml.MAX_FILE_BYTES + " a config file may hold", "put it in the file");
            }
            int segments = key.split("\\.", -1).length;
            if (segments > SafeYaml.MAX_NESTING) {
                throw ValidationException.of(label(key), "", "nests " + segments + " levels, more than "
                        + "the " + SafeYaml.MAX_NESTING + " a config file may have", "use a shorter key");
            }
            map.put(key, pair.substring(eq + 1));
        }
        return new ConfigOverrides(map);
    }

    /** Where a problem with the override of {@code key} is: the override parameter and the key. */
    private static String label(String key) {
        return Parameter.OVERRIDE.ref() + " " + shortened(key);
    }

    /** A key as errors show it: a generated 3000-segment key must not fill the terminal. */
    private static String shortened(String key) {
        return key.length() <= 80 ? key : key.substring(0, 80) + "...";
    }

    public ConfigOverrides with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new ConfigOverrides(copy);
    }

    public Map<String, String> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The parsed config tree with these overrides applied (a copy; {@code tree} is not changed). Readers of
     * keys {@link ConfigLoader} does not model, such as the pull request settings, use it so that an
     * override reaches them as it reaches the loader.
     */
    @SuppressWarnings("unchecked")
    public Object applyTo(Object tree, String label) {
        if (values.isEmpty() || !(tree instanceof Map)) {
            return tree;
        }
        Map<String, Object> root = deepCopy((Map<String, Object>) tree);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String[] path = e.getKey().split("\\.");
            // An empty value unsets the key, so its default applies.
            Object value = e.getValue().isEmpty() ? UNSET : scalarOrFlow(e.getKey(), e.getValue());
            if (path.length + depth(value) > SafeYaml.MAX_NESTING) {
                throw ValidationException.of(label(e.getKey()), "", "nests " + (path.length
                        + depth(value)) + " levels, more than the " + SafeYaml.MAX_NESTING + " a config file may have",
                        "use a flatter value");
            }
            set(root, path, 0, value, e.getKey());
        }
        return root;
    }

    /**
     * The problems as they should be reported: one about a field an override set names that override
     * ({@code {override} stages.prod.values.replicas}) rather than {@code label}, the file it did not come from.
     */
    private List<Problem> attribute(List<Problem> problems, String label) {
        if (values.isEmpty()) {
            return problems;
        }
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            String field = p.field().replace("[", ".").replace("]", "");
            String owner = null;
            for (String key : values.keySet()) {
                boolean sets = field.equals(key) || field.startsWith(key + ".");
                if (sets && (owner == null || key.length() > owner.length())) {
                    owner = key;
                }
            }
            out.add(owner == null || !p.file().equals(label) ? p : new Problem(Parameter.OVERRIDE.ref() + " " + owner,
                    field.substring(owner.length()).replaceFirst("^\\.", ""), p.message(), p.fix()));
        }
        return out;
    }

    /** Runs {@code work}, reporting its validation problems through {@link #attribute}. */
    public <T> T attributing(String label, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            if (values.isEmpty()) {
                throw e;
            }
            throw new ValidationException(attribute(e.problems(), label));
        }
    }

    private static int depth(Object value) {
        int deepest = 0;
        if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                deepest = Math.max(deepest, depth(v));
            }
            return deepest + 1;
        }
        if (value instanceof List<?> l) {
            for (Object v : l) {
                deepest = Math.max(deepest, depth(v));
            }
            return deepest + 1;
        }
        return 0;
    }

    /**
     * A YAML scalar keeps its type ({@code 3}, {@code true}); an explicit flow collection ({@code [a, b]},
     * {@code {k: v}}) becomes a list or mapping; any other text, such as {@code Build-Url: https://x}, is a string.
     */
    private static Object scalarOrFlow(String key, String text) {
        String t = text.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            return SafeYaml.parseAll(text, Parameter.OVERRIDE.ref() + " " + key).stream().findFirst().orElse(null);
        }
        try {
            Object parsed = SafeYaml.parseAll(text, Parameter.OVERRIDE.ref() + " " + key).stream().findFirst()
                    .orElse(null);
            return parsed instanceof java.util.Map || parsed instanceof List ? text : parsed;
        } catch (ValidationException e) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> node, String[] path, int i, Object value, String key) {
        String part = path[i];
        if (i == path.length - 1) {
            if (value == UNSET) {
                node.remove(part);
            } else {
                node.put(part, value);
            }
            return;
        }
        if (part.equals("stages") && node.get("stages") instanceof List<?> stages) {
            String name = path[i + 1];
            for (Object stage : stages) {
                if (stage instanceof Map<?, ?> m && name.equals(m.get("name"))) {
                    if (i + 2 >= path.length) {
                        throw ValidationException.of(Parameter.OVERRIDE, key, "names a whole stage",
                                "set one of its keys");
                    }
                    set((Map<String, Object>) m, path, i + 2, value, key);
                    return;
                }
            }
            throw ValidationException.of(Parameter.OVERRIDE, key, "there is no stage '" + name + "'",
                    "use a stage of the config");
        }
        Object child = node.get(part);
        if (value == UNSET && !(child instanceof Map)) {
            return;
        }
        if (!(child instanceof Map)) {
            child = new LinkedHashMap<String, Object>();
            node.put(part, child);
        }
        set((Map<String, Object>) child, path, i + 1, value, key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            copy.put(e.getKey(), deepCopyValue(e.getValue()));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            for (Object o : l) {
                copy.add(deepCopyValue(o));
            }
            return copy;
        }
        return v;
    }
}
