package io.jenkins.plugins.carvelgitops.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Value keys that look like they hold a secret (password, token, key, secret), wherever they are nested. */
final class SensitiveKeys {

    private static final Pattern SENSITIVE = Pattern.compile(
            "(?i).*(password|passwd|passphrase|token|secret|credential|private[_-]?key|api[_-]?key|access[_-]?key)"
                    + ".*|key|.*[._-]key|.*[a-z]Key");

    private SensitiveKeys() {
    }

    /** Paths (under {@code prefix}) of keys that look sensitive and hold a non-empty scalar. */
    static List<String> find(Map<String, Object> values, String prefix) {
        List<String> found = new ArrayList<>();
        walk(values, prefix, found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String child = path + "." + key;
                Object value = e.getValue();
                if (SENSITIVE.matcher(key).matches() && isFilledScalar(value)) {
                    found.add(child);
                } else {
                    walk(value, child, found);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static boolean isFilledScalar(Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof List) && !String.valueOf(value).isEmpty();
    }
}
