package io.jenkins.plugins.carvelgitops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.steps.Delivery;
import io.jenkins.plugins.carvelgitops.steps.StageResult;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CarvelGitopsActionTest {

    private static Delivery d(String kind, List<String> stages, String sha, boolean dryRun) {
        return Delivery.builder(kind, "app.default.tap", "1.2.3").stages(stages).commit(sha, true).dryRun(dryRun, "")
                .repository("https://github.com/a/b.git", "main").build();
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
        action.record("main@sha1:0123456789", List.of(new StageResult("staging", "ready", null, null, 1, null),
                new StageResult("prod", "failed", null, null, 1, "x")));
        assertThat(action.getSummary()).endsWith("; verified 1/2 stages ready");
        assertThat(action.getStageResults()).extracting(StageResult::getColour)
                .containsExactly("carvel-gitops-ok", "carvel-gitops-failed");
    }

    /** What XStream does during run.save(): walk the stored collections without the action's lock. */
    private static Object stored(CarvelGitopsAction action, String field) throws ReflectiveOperationException {
        Field f = CarvelGitopsAction.class.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(action);
    }

    @Test
    void aRecordDuringAnUnlockedReadLeavesTheReadersSnapshotAlone() throws Exception {
        CarvelGitopsAction action = new CarvelGitopsAction();
        action.record(d("render", List.of("staging"), "aaaaaaa1", false));
        action.record("r1", List.of(new StageResult("staging", "ready", null, null, 1, null)));

        Iterator<?> deliveries = ((List<?>) stored(action, "deliveries")).iterator();
        Iterator<?> results = ((Map<?, ?>) stored(action, "stageResults")).values().iterator();
        deliveries.next();
        results.next();
        action.record(d("promote", List.of("prod"), "bbbbbbb2", false));
        action.record("r2", List.of(new StageResult("prod", "ready", null, null, 1, null)));

        // the reader's iteration goes on over the snapshot it started with (no ConcurrentModificationException)
        assertThat(deliveries.hasNext()).isFalse();
        assertThat(results.hasNext()).isFalse();
        assertThat(action.getDeliveries()).extracting(Delivery::getCommit).containsExactly("aaaaaaa1", "bbbbbbb2");
        assertThat(action.getStageResults()).extracting(StageResult::getStage).containsExactly("staging", "prod");
    }

    @Test
    void aLongDryRunDiffIsKeptBoundedOnTheBuild() {
        String diff = IntStream.range(0, 5_000).mapToObj(i -> "+line " + i + "\n").collect(Collectors.joining());
        Delivery dryRun = Delivery.builder("render", "app.default.tap", "1.2.3").stages(List.of("staging"))
                .commit(null, true).dryRun(true, diff).repository("https://github.com/a/b.git", "main")
                .document(Map.of("diff", diff)).build();
        CarvelGitopsAction action = new CarvelGitopsAction();
        action.record(dryRun);

        String kept = action.getDeliveries().get(0).getDiff();
        assertThat(kept.length()).isLessThan(Delivery.RECORDED_DIFF_LIMIT + 100);
        assertThat(kept).startsWith("+line 0\n+line 1\n");
        long keptLines = kept.lines().count() - 1;
        assertThat(kept.lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("\u2026 " + (5_000 - keptLines) + " more lines (the step's result has the whole diff)");
        assertThat(dryRun.getDiff()).isEqualTo(diff);
        assertThat(dryRun.getDocument()).containsEntry("diff", diff);
        assertThat(action.getDeliveries().get(0).getDocument()).as("the build keeps no document").isNull();
    }

    @Test
    void aShortDiffIsKeptWhole() {
        Delivery dryRun = Delivery.builder("render", "app.default.tap", "1.2.3").stages(List.of("staging"))
                .commit(null, true).dryRun(true, "+a\n-b\n").repository("https://github.com/a/b.git", "main").build();
        assertThat(dryRun.forRecord().getDiff()).isEqualTo("+a\n-b\n");
        assertThat(dryRun.forRecord().summary()).isEqualTo(dryRun.summary());
    }
}
