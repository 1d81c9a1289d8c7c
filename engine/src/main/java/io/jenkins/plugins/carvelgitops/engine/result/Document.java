package io.jenkins.plugins.carvelgitops.engine.result;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A result as plain values, in the order it is written: {@link String}, {@link Boolean}, {@link Long},
 * {@link Double}, {@link ArrayList} and {@link LinkedHashMap} only, so the CLI writes it as JSON and a
 * Jenkins step returns it to a Pipeline script (which keeps it across a restart) without conversion.
 * Every outcome's {@code toDocument()} builds one; an adapter adds nothing of its own.
 */
public final class Document {

    private final LinkedHashMap<String, Object> map = new LinkedHashMap<>();

    public Document put(String key, Object value) {
        map.put(key, plain(value));
        return this;
    }

    /** Adds the entry only when the condition holds (a dry run's diff, a wait's ending). */
    public Document putIf(boolean condition, String key, Object value) {
        return condition ? put(key, value) : this;
    }

    public LinkedHashMap<String, Object> map() {
        return new LinkedHashMap<>(map);
    }

    /** A value made plain: ints as longs, durations as
     * seconds, states as their words, collections copied, maps without an order of their own sorted by key. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof State s) {
            return s.word();
        }
        if (value instanceof Duration d) {
            return d.toMillis() / 1000.0;
        }
        if (value instanceof Document d) {
            return d.map();
        }
        if (value instanceof Map<?, ?> m) {
            // a map that keeps no order of its own (HashMap, Map.of) is written by key, the same every run
            Map<Object, Object> ordered = new TreeMap<>(Comparator.comparing(String::valueOf));
            if (m instanceof LinkedHashMap || m instanceof SortedMap || m instanceof EnumMap) {
                ordered = new LinkedHashMap<>();
            }
            ordered.putAll(m);
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            ordered.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> c) {
            ArrayList<Object> copy = new ArrayList<>(c.size());
            c.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
    }
}
