package io.jenkins.plugins.carvelgitops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeYamlTest {

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> SafeYaml.parseSingle("a: 1\na: 2\n", "f.yaml"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("f.yaml: line 2, column 1: invalid YAML: found duplicate key a");
    }

    @Test
    void explicitTagsAreRefusedNamingTheKey() {
        String config = "stages:\n- name: prod\n  values:\n    blob: !!binary aGVsbG8=\n";
        assertThatThrownBy(() -> SafeYaml.parseSingle(config, "carvel-gitops.yaml"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("carvel-gitops.yaml: stages[prod].values.blob: has the explicit YAML tag !!binary (line 4); "
                        + "remove the tag and write the plain value");
        assertThatThrownBy(() -> SafeYaml.parseSingle("a: {b: !!str 1}", "f.yaml"))
                .hasMessageContaining("f.yaml: a.b: has the explicit YAML tag !!str");
        assertThatThrownBy(() -> SafeYaml.parseSingle("a: !!map {b: 1}", "f.yaml"))
                .hasMessageContaining("f.yaml: a: has the explicit YAML tag !!map");
        assertThatThrownBy(() -> SafeYaml.parseSingle("a: [x, !!set {y}]", "f.yaml"))
                .hasMessageContaining("f.yaml: a[1]: has the explicit YAML tag !!set");
        assertThatThrownBy(() -> SafeYaml.parseSingle("!custom {a: 1}", "f.yaml"))
                .hasMessageContaining("f.yaml: has the explicit YAML tag !custom");
        assertThatThrownBy(() -> SafeYaml.parseSingle("? !!str k\n: v", "f.yaml"))
                .hasMessageContaining("has the explicit YAML tag !!str");
        assertThat(SafeYaml.parseSingle("a: ! 1\nb: '!!str'\n", "f.yaml")).isEqualTo(Map.of("a", 1, "b", "!!str"));
    }

    @Test
    void tabsForIndentationAreRefused() {
        assertThatThrownBy(() -> SafeYaml.parseSingle("a:\n\tb: 1\n", "f.yaml"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("f.yaml: line 2")
                .hasMessageContaining("spaces, not tabs");
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        assertThatThrownBy(() -> SafeYaml.parseSingle(bomb.toString(), "bomb.yaml"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("bomb.yaml: ")
                .hasMessageContaining("aliases");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(500) + "]".repeat(500);
        assertThatThrownBy(() -> SafeYaml.parseSingle(deep, "deep.yaml"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("deep.yaml: ");
    }

    @Test
    void customTagsAreRefused() {
        assertThatThrownBy(() -> SafeYaml.parseSingle("a: !!javax.script.ScriptEngineManager [x]\n", "t.yaml"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("t.yaml: ");
    }

    @Test
    void nonUtf8AndOversizedAndMissingFilesAreRefused(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SafeYaml.readSingle(latin1, "latin1.yaml"))
                .hasMessage("latin1.yaml: is not valid UTF-8; save the file as UTF-8");
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[SafeYaml.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> SafeYaml.readSingle(big, "big.yaml")).hasMessageContaining("larger than the");
        assertThatThrownBy(() -> SafeYaml.readSingle(dir.resolve("absent.yaml"), "absent.yaml"))
                .hasMessage("absent.yaml: file not found; check the path");
    }

    @Test
    void exactlyOneDocumentIsExpected() {
        assertThatThrownBy(() -> SafeYaml.parseSingle("a: 1\n---\nb: 2\n", "two.yaml"))
                .hasMessageContaining("two.yaml: holds 2 YAML documents");
        assertThatThrownBy(() -> SafeYaml.parseSingle("# only a comment\n", "empty.yaml"))
                .hasMessageContaining("empty.yaml: holds no YAML document");
        assertThat(SafeYaml.parseSingle("---\n# leading separator\na: 1\n", "ok.yaml")).isEqualTo(Map.of("a", 1));
    }

    @Test
    void timestampsStayTheStringsTheyWere() {
        Object tree = SafeYaml.parseSingle("created: 2023-06-30T21:08:56Z\nday: 2001-12-14\n", "t.yaml");
        assertThat(tree).isEqualTo(Map.of("created", "2023-06-30T21:08:56Z", "day", "2001-12-14"));
        assertThat(SafeYaml.write(tree)).isEqualTo("created: '2023-06-30T21:08:56Z'\nday: '2001-12-14'\n");
    }

    @Test
    void writesAFixedStyle() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("z", "first key stays first");
        doc.put("list", List.of(Map.of("k", "v")));
        doc.put("block", "line one\nline two\n");
        doc.put("empty", "");
        doc.put("version", "1.10");
        doc.put("long", "x".repeat(200));
        String out = SafeYaml.write(doc);
        assertThat(out).isEqualTo("z: first key stays first\nlist:\n- k: v\nblock: |\n  line one\n  line two\n"
                + "empty: ''\nversion: '1.10'\nlong: " + "x".repeat(200) + "\n");
        assertThat(SafeYaml.parseSingle(out, "round-trip")).isEqualTo(doc);
    }
}
