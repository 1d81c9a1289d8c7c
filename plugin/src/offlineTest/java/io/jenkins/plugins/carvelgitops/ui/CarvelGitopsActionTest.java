package io.jenkins.plugins.carvelgitops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.steps.Delivery;
import io.jenkins.plugins.carvelgitops.steps.StageResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarvelGitopsActionTest {

    private static Delivery d(String kind, List<String> stages, String sha, boolean dryRun) {
        return new Delivery(kind, "app.default.tap", "1.2.3", stages, sha, true, dryRun, "https://github.com/a/b.git",
                "main", List.of(), List.of(), "");
    }

    @Test
    void pushedByStageKeepsTheLatestRealCommitPerStage() {
        CarvelGitopsAction action = new CarvelGitopsAction();
        action.record(d("render", List.of("staging"), "aaaaaaa1", false));
        action.record(d("render", List.of("staging", "prod"), "bbbbbbb2", true));
        action.record(d("promote", List.of("prod"), "ccccccc3", false));
        action.record(d("render", List.of("staging"), "ddddddd4", false));

        assertThat(action.pushedByStage()).containsOnlyKeys("staging", "prod");
        assertThat(action.pushedByStage().get("staging").getCommit()).isEqualTo("ddddddd4");
        assertThat(action.pushedByStage().get("prod").getCommit()).isEqualTo("ccccccc3");
        assertThat(action.getLatest().getCommit()).isEqualTo("ddddddd4");
    }

    @Test
    void summaryLineCountsReadyStages() {
        CarvelGitopsAction action = new CarvelGitopsAction();
        action.record(d("render", List.of("staging"), "0123456789", false));
        assertThat(action.getSummary()).isEqualTo("app.default.tap 1.2.3 \u2192 staging @ 0123456");
        action.record("main@sha1:0123456789", List.of(new StageResult("staging", "READY", null, null, 1, null),
                new StageResult("prod", "FAILED", null, null, 1, "x")));
        assertThat(action.getSummary()).endsWith("; verified 1/2 stages ready");
        assertThat(action.getStageResults()).extracting(StageResult::getColour)
                .containsExactly("carvel-gitops-ok", "carvel-gitops-failed");
    }
}
