package io.jenkins.plugins.carvelgitops.engine.report;

import io.jenkins.plugins.carvelgitops.engine.text.Text;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.StatusSamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReportsTest {

    @Test
    void textIsAnAlignedTableThenTheControllersMessagesOnOneLineEach() {
        assertThat(StatusReports.text(StatusSamples.live())).isEqualTo("""
                app.default.tap: branch main at a1afe26 of https://git.example.com/acme/gitops.git, checked 2026-01-01T10:00:00Z
                source: GitRepository build-ns/app.default.tap-gitops-repo ready at main@sha1:a1afe26

                STAGE    GIT    LIVE   FLUX                           PACKAGEINSTALL            STATE
                dev      1.3.0  1.3.0  ready main@sha1:a1afe26        ready ReconcileSucceeded  ready
                staging  1.3.0  1.2.9  ready main@sha1:a1afe26        progressing Reconciling   progressing
                qa       1.2.9  1.2.9  ready main@sha1:a1afe26        failed ReconcileFailed    failed
                prod     1.2.8  -      progressing main@sha1:1111111  unknown                   progressing

                staging: PackageInstall apps/app: reconciled 1.2.9, waiting for 1.3.0
                qa: PackageInstall apps/app: ReconcileFailed: kapp: Error: Checking existance of resource service/simple-app (v1) namespace: does-not-exist: services "simple-app" is forbidden; <script>alert('x')</script> & "quoted"
                prod: Kustomization build-ns/app.default.tap-prod-packageinstalls: at main@sha1:1111111, waiting for a1afe26
                prod: PackageInstall apps/app: run cluster of stage prod: cannot connect
                """);
    }

    @Test
    void controlCharactersFromAClusterDoNotReachTheTerminal() {
        assertThat(Text.oneLine(" a\u001b[31mred\r\nnext\u0007 ")).isEqualTo("a [31mred; next");
    }

    @Test
    void gitOnlyTextSaysSoAndListsNoClusterMessages() {
        String text = StatusReports.text(StatusSamples.gitOnly());
        assertThat(text).contains("Git only: no cluster access was given")
                .contains("prod     1.2.8  -     unknown  unknown         unknown")
                .doesNotContain("source:").doesNotContain("not read: Git only");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentHoldsEveryFieldPerStage() {
        Map<String, Object> doc = StatusSamples.live().toDocument().map();
        assertThat(doc).containsEntry("package", "app.default.tap").containsEntry("head", StatusSamples.HEAD)
                .containsEntry("checkedAt", "2026-01-01T10:00:00Z").containsEntry("live", true);
        List<Map<String, Object>> stages = (List<Map<String, Object>>) doc.get("stages");
        assertThat(stages).extracting(s -> s.get("stage")).containsExactly("dev", "staging", "qa", "prod");
        assertThat(stages).extracting(s -> s.get("state")).containsExactly("ready", "progressing", "failed",
                "progressing");
        Map<String, Object> qa = stages.get(2);
        assertThat((Map<String, Object>) qa.get("git")).containsEntry("version", "1.2.9")
                .containsEntry("constraints", "1.2.9").containsEntry("problem", "");
        assertThat(qa).containsEntry("liveVersion", "1.2.9");
        assertThat((Map<String, Object>) qa.get("packageInstall")).containsEntry("state", "failed")
                .containsEntry("condition", "ReconcileFailed").containsEntry("version", "1.2.9")
                .containsEntry("suspended", false);
        Map<String, Object> flux = (Map<String, Object>) stages.get(3).get("flux");
        assertThat(flux).containsEntry("state", "progressing");
        assertThat((List<Map<String, Object>>) flux.get("kustomizations")).extracting(k -> k.get("revision"))
                .containsExactly(StatusSamples.REVISION, "main@sha1:" + "1".repeat(40));
    }
}
