package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultsTest {

    static Delivery delivery(boolean dryRun) {
        return new Delivery("render", "app.default.tap", "1.2.3", List.of("staging"), "0123456789abcdef0123456789abcdef01234567",
                !dryRun, dryRun, "https://github.com/acme/gitops.git", "main",
                List.of("app.default.tap/packages/1.2.3.yaml", "app.default.tap/staging/params.yaml"),
                List.of("app.default.tap/staging/params.yaml"), dryRun ? "--- a\n+++ b\n" : "ignored");
    }

    @Test
    void renderReturnsPlainListsAndScalars() {
        Map<String, Object> m = StepResults.render(delivery(false));
        assertThat(m).isInstanceOf(LinkedHashMap.class);
        assertThat(m.keySet()).containsExactly("package", "version", "stages", "commit", "changed", "dryRun", "files",
                "changedFiles");
        assertThat(m.get("stages")).isInstanceOf(ArrayList.class).isEqualTo(List.of("staging"));
        assertThat(m.get("commit")).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(m.get("changed")).isEqualTo(true);
    }

    @Test
    void aDryRunAlsoReturnsTheDiff() {
        assertThat(StepResults.render(delivery(true))).containsEntry("diff", "--- a\n+++ b\n")
                .containsEntry("dryRun", true);
    }

    @Test
    void promoteNamesFromAndTo() {
        assertThat(StepResults.promote(delivery(false), "staging", "prod"))
                .containsEntry("from", "staging").containsEntry("to", "prod").containsEntry("version", "1.2.3");
    }

    @Test
    void verifyIsReadyOnlyWhenEveryStageIs() {
        StageResult ok = new StageResult("staging", "READY", "main@sha1:abc", "1.2.3", 12_000, null);
        StageResult late = new StageResult("prod", "TIMED_OUT", null, null, 300_000, "Kustomization not Ready");
        assertThat(StepResults.verify("abc", List.of(ok))).containsEntry("ready", true);
        Map<String, Object> m = StepResults.verify("abc", List.of(ok, late));
        assertThat(m).containsEntry("ready", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) m.get("stages");
        assertThat(stages).extracting(s -> s.get("state")).containsExactly("READY", "TIMED_OUT");
        assertThat(stages.get(1)).containsEntry("seconds", 300L).containsEntry("message", "Kustomization not Ready");
    }

    @Test
    void deliverySummaryLine() {
        assertThat(delivery(false).summary())
                .isEqualTo("render app.default.tap 1.2.3 \u2192 staging: committed 0123456");
        assertThat(delivery(true).summary())
                .isEqualTo("render (dry run) app.default.tap 1.2.3 \u2192 staging: 1 of 2 files would change; nothing written");
    }
}
