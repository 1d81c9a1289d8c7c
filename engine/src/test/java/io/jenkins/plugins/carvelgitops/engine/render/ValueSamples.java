package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values a Package's schema accepts (its required keys, workload_name) and values it must reject. */
final class ValueSamples {

    private ValueSamples() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> accepted(CarvelPackage pkg) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> schema = pkg.valuesSchema() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> props = schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        if (props.containsKey("workload_name")) {
            values.put("workload_name", "app");
        }
        if (schema.get("required") instanceof List<?> required) {
            for (Object key : required) {
                Object prop = props.get(key);
                String type = prop instanceof Map<?, ?> pm ? (String) pm.get("type") : null;
                values.put((String) key, sample(type));
            }
        }
        return values;
    }

    /** Values with one property of the wrong type, or null when the schema accepts anything. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> rejected(CarvelPackage pkg) {
        Map<String, Object> schema = pkg.valuesSchema() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> props = schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        for (Map.Entry<String, Object> e : props.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> prop && prop.get("type") instanceof String type
                    && !Boolean.TRUE.equals(prop.get("nullable"))) {
                Map<String, Object> values = accepted(pkg);
                values.put(e.getKey(), wrong(type));
                return values;
            }
        }
        return null;
    }

    private static Object sample(String type) {
        if (type == null) {
            return "value";
        }
        return switch (type) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> new LinkedHashMap<>();
            default -> "sample-value-0123456789";
        };
    }

    private static Object wrong(String type) {
        return "string".equals(type) ? List.of(1, 2) : "not-a-" + type;
    }
}
