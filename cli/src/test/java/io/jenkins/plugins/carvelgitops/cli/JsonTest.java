package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Holder(String name, Map<String, Object> unordered, Map<String, Object> ordered) {
    }

    private static Map<String, Object> linked(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }

    @Test
    void aMapBuiltInOrderKeepsIt() {
        assertThat(compact(Json.write(linked("stage", "prod", "state", "ready", "git", linked("version", "1", "file", "f")))))
                .isEqualTo("{\"stage\":\"prod\",\"state\":\"ready\",\"git\":{\"version\":\"1\",\"file\":\"f\"}}");
    }

    @Test
    void aMapWithNoOrderIsSortedByKeyAtEveryDepth() {
        Map<String, Object> hash = new HashMap<>();
        for (String k : List.of("zeta", "alpha", "mu", "beta", "omega", "kappa")) {
            hash.put(k, k.length());
        }
        assertThat(compact(Json.write(Map.of("b", 2, "c", 3, "a", 1)))).isEqualTo("{\"a\":1,\"b\":2,\"c\":3}");
        assertThat(compact(Json.write(linked("outer", List.of(hash)))))
                .isEqualTo("{\"outer\":[{\"alpha\":5,\"beta\":4,\"kappa\":5,\"mu\":2,\"omega\":5,\"zeta\":4}]}");
    }

    @Test
    void recordsKeepTheirComponentsAndTheirMapsFollowTheSameRule() {
        Map<String, Object> hash = new HashMap<>(Map.of("y", 1, "x", 2));
        Map<String, Object> tree = new TreeMap<>(Map.of("b", 1, "a", 2));
        assertThat(compact(Json.write(new Holder("n", hash, linked("y", tree, "x", null)))))
                .isEqualTo("{\"name\":\"n\",\"unordered\":{\"x\":2,\"y\":1},\"ordered\":{\"y\":{\"a\":2,\"b\":1},\"x\":null}}");
    }

    @Test
    void prettyPrinted() {
        assertThat(Json.write(linked("a", 1))).isEqualTo("{\n  \"a\" : 1\n}");
    }
}
