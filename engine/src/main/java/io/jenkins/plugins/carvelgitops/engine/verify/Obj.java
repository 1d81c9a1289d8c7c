package io.jenkins.plugins.carvelgitops.engine.verify;

import java.util.List;
import java.util.Map;

/** Reading fields of an object held as nested maps, as the API server returns it. */
final class Obj {

    private Obj() {
    }

    static Object at(Map<String, Object> object, String... path) {
        Object node = object;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    static String str(Map<String, Object> object, String... path) {
        Object v = at(object, path);
        return v == null ? null : String.valueOf(v);
    }

    static long num(Map<String, Object> object, long absent, String... path) {
        Object v = at(object, path);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        return absent;
    }

    static boolean flag(Map<String, Object> object, String... path) {
        Object v = at(object, path);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    /** The condition of a type from {@code status.conditions}, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> condition(Map<String, Object> object, String type) {
        if (!(at(object, "status", "conditions") instanceof List<?> list)) {
            return null;
        }
        for (Object c : list) {
            if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
                return (Map<String, Object>) m;
            }
        }
        return null;
    }

    static boolean isTrue(Map<String, Object> condition) {
        return condition != null && "True".equals(String.valueOf(condition.get("status")));
    }

    static String text(Map<String, Object> condition, String key) {
        Object v = condition == null ? null : condition.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
