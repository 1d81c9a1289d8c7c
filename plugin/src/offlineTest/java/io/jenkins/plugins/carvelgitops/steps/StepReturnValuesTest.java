package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code carvelGitopsRender} and {@code carvelGitopsPromote} return: the engine's document of the
 * outcome, the same map the CLI writes as JSON, made only of values a Pipeline can keep across a restart.
 */
class StepReturnValuesTest {

    static RenderOutcome rendered(boolean dryRun) {
        DeliveryPlan plan = new DeliveryPlan("app.default.tap", Semver.parse("1.2.3"), List.of("staging"),
                List.of(new RepoFile("app.default.tap/packages/1.2.3.yaml", "a"),
                        new RepoFile("app.default.tap/staging/params.yaml", "b")),
                List.of(), Map.of(), Map.of(), List.of());
        CommitResult commit = new CommitResult(dryRun ? null : "0123456789abcdef0123456789abcdef01234567", !dryRun,
                List.of(new FileChange("app.default.tap/staging/params.yaml", FileChange.Kind.MODIFIED, "a", "b")),
                "--- a\n+++ b\n");
        return new RenderOutcome(plan, commit, dryRun);
    }

    static Delivery delivery(boolean dryRun) {
        RenderOutcome o = rendered(dryRun);
        return Delivery.rendered(o, o.toDocument(), null, "https://github.com/acme/gitops.git", "main");
    }

    @Test
    void renderReturnsTheEnginesDocumentInPlainValues() {
        RenderOutcome o = rendered(false);
        Map<String, Object> m = delivery(false).getDocument();
        assertThat(m).isEqualTo(o.toDocument().map());
        assertThat(m.keySet()).containsExactly("package", "version", "stages", "dryRun", "commit", "changed", "files",
                "changedFiles", "removedFiles", "notes");
        assertPlain(m);
        assertThat(m.get("commit")).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(m.get("changed")).isEqualTo(true);
    }

    @Test
    void aDryRunAlsoReturnsTheDiff() {
        assertThat(delivery(true).getDocument()).containsEntry("diff", "--- a\n+++ b\n").containsEntry("dryRun", true)
                .containsEntry("changed", true);
    }

    static Delivery promotion(String from, String previous, boolean downgrade, boolean dryRun) {
        CommitResult commit = new CommitResult(dryRun ? null : "89abcdef0123456789abcdef0123456789abcdef", !dryRun,
                List.of(new FileChange("app.default.tap/prod/packageinstall.yaml", FileChange.Kind.MODIFIED, "a", "b")),
                "--- a\n+++ b\n");
        PromoteOutcome o = new PromoteOutcome("app.default.tap", "1.2.3", from, "prod", previous, downgrade, commit,
                dryRun);
        return Delivery.promoted(o, o.toDocument(), null, "https://github.com/acme/gitops.git", "main");
    }

    @Test
    void promoteNamesFromToPreviousAndDowngrade() {
        Map<String, Object> m = promotion("staging", "1.2.2", false, false).getDocument();
        assertPlain(m);
        assertThat(m).containsEntry("from", "staging").containsEntry("to", "prod").containsEntry("version", "1.2.3")
                .containsEntry("previous", "1.2.2").containsEntry("downgrade", false)
                .containsEntry("commit", "89abcdef0123456789abcdef0123456789abcdef").containsEntry("changed", true);
        assertThat(m.get("changedFiles")).isEqualTo(List.of("app.default.tap/prod/packageinstall.yaml"));
    }

    @Test
    void aRollbackWithAnExplicitVersionHasNoFromAndSaysSo() {
        Delivery d = promotion(null, "1.4.0", true, false);
        assertThat(d.getDocument()).containsEntry("from", null).containsEntry("downgrade", true);
        assertThat(d.summary()).isEqualTo("promote app.default.tap 1.2.3 \u2192 prod (was 1.4.0), a rollback: "
                + "committed 89abcde");
        assertThat(promotion("staging", null, false, false).summary())
                .isEqualTo("promote app.default.tap 1.2.3 staging \u2192 prod: committed 89abcde");
        assertThat(promotion("staging", "1.2.2", false, true).getDocument()).containsEntry("dryRun", true)
                .containsEntry("diff", "--- a\n+++ b\n");
    }

    @Test
    void deliverySummaryLine() {
        assertThat(delivery(false).summary())
                .isEqualTo("render app.default.tap 1.2.3 \u2192 staging: committed 0123456");
        assertThat(delivery(true).summary())
                .isEqualTo("render (dry run) app.default.tap 1.2.3 \u2192 staging: 1 of 2 files would change; nothing written");
    }

    /** Only what a Pipeline's CPS program can serialize and a script can read: no engine type, no immutable list. */
    static void assertPlain(Object value) {
        if (value instanceof Map<?, ?> m) {
            assertThat(m).isInstanceOf(LinkedHashMap.class);
            m.values().forEach(StepReturnValuesTest::assertPlain);
        } else if (value instanceof List<?> l) {
            assertThat(l).isInstanceOf(ArrayList.class);
            l.forEach(StepReturnValuesTest::assertPlain);
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Boolean.class, Long.class, Double.class);
        }
    }
}
