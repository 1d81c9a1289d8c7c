package io.jenkins.plugins.carvelgitops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressEvent;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressEvent.Kind;
import io.jenkins.plugins.carvelgitops.steps.StageResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleOutputTest {

    @Test
    void oneLinePerEventPrefixedAndFolded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.action("pushing abc1234");
        progress.warning("flux objects skipped:\n  local repository");
        progress.event(new ProgressEvent(Kind.WAITING, "staging: Kustomization not Ready"));
        progress.success("staging ready");
        progress.failure("prod timed out");
        assertThat(bytes.toString(StandardCharsets.UTF_8).split("\\R")).containsExactly(
                "[carvel-gitops] pushing abc1234",
                "[carvel-gitops] warning: flux objects skipped: local repository",
                "[carvel-gitops] waiting: staging: Kustomization not Ready",
                "[carvel-gitops] ok: staging ready",
                "[carvel-gitops] error: prod timed out");
    }

    @Test
    void stageTableAlignsColumnsAndShortensRevisions() {
        List<String> lines = StageTable.lines(List.of(
                new StageResult("staging", "ready", "main@sha1:0123456789abcdef0123456789abcdef01234567", "1.2.3",
                        4_200, ""),
                new StageResult("production", "timedOut", null, null, 305_000, "PackageInstall app: Reconciling")));
        assertThat(lines).containsExactly(
                "[carvel-gitops] STAGE       RESULT    REVISION           VERSION  TOOK  DETAIL",
                "[carvel-gitops] staging     ready     main@sha1:0123456  1.2.3    4.2s  -",
                "[carvel-gitops] production  timedOut  -                  -        5m5s  PackageInstall app: Reconciling");
    }

    @Test
    void durations() {
        assertThat(StageResult.formatDuration(400)).isEqualTo("400ms");
        assertThat(StageResult.formatDuration(42_000)).isEqualTo("42s");
        assertThat(StageResult.formatDuration(3_600_000)).isEqualTo("1h0m0s");
        assertThat(StageResult.formatDuration(65_400)).isEqualTo("1m5s");
        assertThat(StageResult.formatDuration(4_249)).isEqualTo("4.2s");
    }
}
