package io.jenkins.plugins.carvelgitops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.NeedsRealPackages;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fast layout writes exactly the bytes SnakeYAML writes, or declines and lets SnakeYAML write. */
class BlockYamlTest {

    static final List<Object> SCALARS = List.of("", "plain", "yes", "No", "on", "1.0", "1.2.3", "20240318141801.0.0",
            "0x1F", "1e3", "012", "~", "null", "true", "a: b", "#x", "- x", "x #y", "multi\nline\n", "multi\nline",
            "trailing ", " lead", "\u00fcn\u00efcode", "'q'", "\"dq\"", "@at", "%p", "a\tb", "./path/to", ">=0.0.0",
            "{a}", "[b]", "*ref", "&anc", "!tag", "|", ">", "?", ":", "-", "a-b_c.d/e@f+g=h", "2001-12-14",
            "2001-12-14T21:59:43.10-05:00", "line one\n\nline three\n", "  indented\nblock\n", ".inf", "<<", "=",
            "x".repeat(150), 42, -7, 0, 3_000_000_000L, true, false);

    @Test
    void generatedTreesLayOutExactlyAsSnakeYaml() {
        Random random = new Random(Long.getLong("seed", 7));
        int laidOut = 0;
        for (int i = 0; i < Integer.getInteger("trees", 3000); i++) {
            Object tree = map(random, 0);
            String fast = new BlockYaml(s -> SafeYaml.writeWithSnakeYaml(java.util.Collections.singletonMap("k", s)))
                    .write(tree);
            if (fast != null) {
                laidOut++;
                assertThat(fast).as("tree %s", tree).isEqualTo(SafeYaml.writeWithSnakeYaml(tree));
            }
        }
        assertThat(laidOut).as("trees the fast layout handled").isGreaterThan(2000);
    }

    @Test
    @NeedsRealPackages
    void realPackagesLayOutExactlyAsSnakeYaml() throws Exception {
        try (Stream<Path> files = Files.list(SharedMaterial.realPackages())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Object tree = SafeYaml.parseSingle(Files.readString(p), p.toString());
                assertThat(SafeYaml.write(tree)).as(p.toString()).isEqualTo(SafeYaml.writeWithSnakeYaml(tree));
            }
        }
    }

    private static Map<String, Object> map(Random random, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            Object key = SCALARS.get(random.nextInt(SCALARS.size()));
            m.put(key instanceof String s && !s.isEmpty() && random.nextBoolean() ? s : "key" + i, value(random, depth));
        }
        return m;
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 1 : 5);
        switch (kind) {
            case 1:
                return map(random, depth + 1);
            case 2: {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(random.nextInt(3) == 0 ? map(random, depth + 1) : SCALARS.get(random.nextInt(SCALARS.size())));
                }
                return list;
            }
            case 3:
                return random.nextBoolean() ? new LinkedHashMap<>() : new ArrayList<>();
            default:
                return SCALARS.get(random.nextInt(SCALARS.size()));
        }
    }
}
