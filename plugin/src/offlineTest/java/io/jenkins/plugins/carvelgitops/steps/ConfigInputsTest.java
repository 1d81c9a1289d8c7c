package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigInputsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsFillOnlyWhatTheFileLeavesOutAndOverridesAlwaysWin() throws IOException {
        Path file = dir.resolve("carvel-gitops.yaml");
        Files.writeString(file, """
                package: app.default.tap
                repository:
                  url: https://git.example.com/acme/gitops.git
                flux:
                  namespace: ""
                """);
        ConfigInputs inputs = new ConfigInputs("carvel-gitops.yaml",
                map("repository.url", "https://default.example.com/g.git", "repository.branch", "main",
                        "flux.namespace", "build-ns", "flux.apiVersion", "v1"),
                map("flux.apiVersion", "v1beta2"));

        assertThat(inputs.toEngine(inputs.resolve(dir)).values())
                .containsExactly(Map.entry("repository.branch", "main"), Map.entry("flux.apiVersion", "v1beta2"));
    }

    @Test
    void withoutDefaultsTheFileIsNotEvenRead() {
        ConfigInputs inputs = new ConfigInputs("missing.yaml", null, map("a.b", "c"));
        assertThat(inputs.toEngine(dir.resolve("missing.yaml")).values()).containsExactly(Map.entry("a.b", "c"));
    }

    @Test
    void travelsToAgentsAsPlainJavaSerialization() throws Exception {
        ConfigInputs inputs = new ConfigInputs("x.yaml", map("k", "v"), map("o", "p"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(inputs);
        }
        try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(inputs);
        }
    }

    private static LinkedHashMap<String, String> map(String... kv) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
