package io.jenkins.plugins.carvelgitops.engine.config;

import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads from a parsed YAML mapping that record a {@link Problem} instead of throwing, so that
 * every mistake in a file is reported in one run. Unknown keys are problems too.
 */
final class Fields {

    private final String file;
    private final String path;
    private final Map<String, Object> map;
    private final Problems problems;

    private Fields(String file, String path, Map<String, Object> map, Problems problems) {
        this.file = file;
        this.path = path;
        this.map = map;
        this.problems = problems;
    }

    /** Wraps {@code node} when it is a mapping with string keys; records a problem and returns null if not. */
    static Fields of(String file, String path, Object node, Problems problems) {
        if (node == null) {
            return new Fields(file, path, Map.of(), problems);
        }
        if (!(node instanceof Map<?, ?> raw)) {
            problems.add(file, path, "must be a mapping, found " + typeName(node), "write key: value pairs");
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                problems.add(file, path, "key " + e.getKey() + " is not a string", "quote the key");
                continue;
            }
            map.put(key, e.getValue());
        }
        return new Fields(file, path, map, problems);
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String file() {
        return file;
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    /** Records every key not in {@code known}, naming the allowed keys. */
    void rejectUnknown(Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                problems.add(file, field(key), "unknown key", "allowed keys here: " + String.join(", ",
                        new TreeSet<>(known)));
            }
        }
    }

    String string(String key, String fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            problems.add(file, field(key), "must be a string, found " + typeName(v) + " " + v,
                    "quote the value: \"" + v + "\"");
            return fallback;
        }
        problems.add(file, field(key), "must be a string, found " + typeName(v), "give a single value");
        return fallback;
    }

    String requiredString(String key, String fix) {
        String s = string(key, null);
        if (s == null && !map.containsKey(key)) {
            problems.add(file, field(key), "is required", fix);
        } else if (s == null && map.get(key) == null) {
            problems.add(file, field(key), "is empty", fix);
        } else if (s != null && s.isBlank()) {
            problems.add(file, field(key), "is empty", fix);
            return null;
        }
        return s;
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problems.add(file, field(key), "must be true or false, found " + typeName(v) + " " + v, "write true or false");
        return fallback;
    }

    Fields mapping(String key) {
        return of(file, field(key), map.get(key), problems);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> rawMapping(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    problems.add(file, field(key), "key " + k + " is not a string", "quote the key");
                    return Map.of();
                }
            }
            return (Map<String, Object>) m;
        }
        problems.add(file, field(key), "must be a mapping, found " + typeName(v), "write key: value pairs");
        return Map.of();
    }

    List<?> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return l;
        }
        problems.add(file, field(key), "must be a list, found " + typeName(v), "write one '- ' item per line");
        return null;
    }

    static String typeName(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return v == null ? "nothing" : v.getClass().getSimpleName();
    }
}
