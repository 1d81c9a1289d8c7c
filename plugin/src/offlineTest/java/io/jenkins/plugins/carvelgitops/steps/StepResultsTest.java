package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
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

    static Delivery promotion(String from, String previous, boolean downgrade, boolean dryRun) {
        CommitResult commit = new CommitResult(dryRun ? null : "89abcdef0123456789abcdef0123456789abcdef", !dryRun,
                List.of(new FileChange("app.default.tap/prod/packageinstall.yaml", FileChange.Kind.MODIFIED, "a", "b")),
                "--- a\n+++ b\n");
        return Delivery.of(new PromoteOutcome("app.default.tap", "1.2.3", from, "prod", previous, downgrade, commit,
                dryRun), "https://github.com/acme/gitops.git", "main");
    }

    @Test
    void promoteNamesFromToPreviousAndDowngrade() {
        Map<String, Object> m = StepResults.promote(promotion("staging", "1.2.2", false, false));
        assertThat(m.keySet()).containsExactly("package", "version", "stages", "commit", "changed", "dryRun", "from",
                "to", "previous", "downgrade", "changedFiles");
        assertThat(m).containsEntry("from", "staging").containsEntry("to", "prod").containsEntry("version", "1.2.3")
                .containsEntry("previous", "1.2.2").containsEntry("downgrade", false)
                .containsEntry("commit", "89abcdef0123456789abcdef0123456789abcdef").containsEntry("changed", true);
        assertThat(m.get("changedFiles")).isInstanceOf(ArrayList.class)
                .isEqualTo(List.of("app.default.tap/prod/packageinstall.yaml"));
    }

    @Test
    void aRollbackWithAnExplicitVersionHasNoFromAndSaysSo() {
        Delivery d = promotion(null, "1.4.0", true, false);
        assertThat(StepResults.promote(d)).containsEntry("from", null).containsEntry("downgrade", true);
        assertThat(d.summary()).isEqualTo("promote app.default.tap 1.2.3 \u2192 prod (was 1.4.0), a rollback: "
                + "committed 89abcde");
        assertThat(promotion("staging", null, false, false).summary())
                .isEqualTo("promote app.default.tap 1.2.3 staging \u2192 prod: committed 89abcde");
        assertThat(StepResults.promote(promotion("staging", "1.2.2", false, true))).containsEntry("dryRun", true)
                .containsEntry("diff", "--- a\n+++ b\n");
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
