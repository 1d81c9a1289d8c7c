package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness.State;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.ObjectReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.StageReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest.StageTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyOutcomeTest {

    static final String SHA_A = "a".repeat(40);
    static final String SHA_B = "b".repeat(40);

    static VerifyRequest request(String sha, String... stageAndVersion) {
        List<StageTarget> stages = new java.util.ArrayList<>();
        for (int i = 0; i < stageAndVersion.length; i += 2) {
            String stage = stageAndVersion[i];
            stages.add(new StageTarget(stage, List.of("app-" + stage + "-packages", "app-" + stage + "-installs"),
                    "apps", "app", stageAndVersion[i + 1], null));
        }
        return new VerifyRequest(new KubeconfigAuth("apiVersion: v1\nkind: Config\n"), "v1", "flux-system", "app",
                sha, stages, Duration.ofMinutes(5), true, true);
    }

    static ObjectReport ks(String name, State state, String message) {
        return new ObjectReport("build cluster", "Kustomization", "flux-system", name, "main@sha1:aaaaaaa", state,
                "Ready=True ReconciliationSucceeded, at main@sha1:aaaaaaa", message);
    }

    static ObjectReport pkgi(State state, String seen, String message) {
        return new ObjectReport("run cluster of stage prod", "PackageInstall", "apps", "app", "1.2.3", state, seen,
                message);
    }

    static VerifyReport report(Outcome outcome, String sha, String message, StageReport... stages) {
        return new VerifyReport(outcome, sha, Duration.ofSeconds(42), message, List.of(stages));
    }

    @Test
    void readyMapsEveryStageToReadyWithTheCommitAndVersion() {
        VerifyRequest req = request(SHA_A, "staging", "1.2.3");
        VerifyReport rep = report(Outcome.READY, SHA_A, "staging ready at aaaaaaa",
                new StageReport("source", State.READY, List.of()),
                new StageReport("staging", State.READY, List.of(ks("app-staging-packages", State.READY, ""),
                        pkgi(State.READY, "ReconcileSucceeded 1.2.3", ""))));

        VerifyOutcome o = VerifyOutcome.of(Map.of(req, rep));

        assertThat(o.isReady()).isTrue();
        assertThat(o.getRevision()).isEqualTo(SHA_A);
        assertThat(o.getStages()).singleElement().satisfies(s -> {
            assertThat(s.getStage()).isEqualTo("staging");
            assertThat(s.getState()).isEqualTo("ready");
            assertThat(s.getRevision()).isEqualTo(SHA_A);
            assertThat(s.getVersion()).isEqualTo("1.2.3");
            assertThat(s.getDurationMillis()).isEqualTo(42_000);
            assertThat(s.getMessage()).isEmpty();
        });
        assertThat(o.getDocument()).containsEntry("ready", true).containsEntry("outcome", "ready")
                .containsEntry("revision", SHA_A);
        StepReturnValuesTest.assertPlain(o.getDocument());
    }

    @Test
    void aFailureCarriesTheControllersWordsAndTheTable() {
        VerifyRequest req = request(SHA_A, "staging", "1.2.3", "prod", "1.2.3");
        VerifyReport rep = report(Outcome.FAILED, SHA_A,
                "prod: PackageInstall apps/app failed: ReconcileFailed: Error (see .status.usefulErrorMessage)",
                new StageReport("staging", State.WAITING, List.of(ks("app-staging-packages", State.WAITING,
                        "waiting for main@sha1:aaaaaaa"))),
                new StageReport("prod", State.FAILED, List.of(ks("app-prod-packages", State.READY, ""),
                        pkgi(State.FAILED, "ReconcileFailed 1.2.2", "ReconcileFailed: kapp: Error:\n  deploy failed"))));

        VerifyOutcome o = VerifyOutcome.of(Map.of(req, rep));

        assertThat(o.isReady()).isFalse();
        assertThat(o.getStages()).extracting(StageResult::getState).containsExactly("progressing", "failed");
        assertThat(o.getStages().get(1).getMessage())
                .isEqualTo("PackageInstall app: ReconcileFailed: kapp: Error:; deploy failed");
        String failure = o.failure("fluxVerify");
        assertThat(failure.lines().findFirst()).contains("fluxVerify failed: prod: PackageInstall apps/app failed: "
                + "ReconcileFailed: Error (see .status.usefulErrorMessage)");
        assertThat(failure).contains("[carvel-gitops] STAGE", "[carvel-gitops] prod     failed");
    }

    @Test
    void aTimeoutSaysSoAndMarksTheWaitingStages() {
        VerifyRequest req = request(SHA_A, "prod", "1.2.3");
        VerifyReport rep = report(Outcome.TIMED_OUT, SHA_A, "timed out after 5m: 1 of 3 objects not ready",
                new StageReport("prod", State.WAITING, List.of(pkgi(State.WAITING, "Reconciling 1.2.2",
                        "reconciled 1.2.2, waiting for 1.2.3"))));

        VerifyOutcome o = VerifyOutcome.of(Map.of(req, rep));

        assertThat(o.getOutcome()).isEqualTo("timedOut");
        assertThat(o.getStages()).singleElement().satisfies(s -> {
            assertThat(s.getState()).isEqualTo("timedOut");
            assertThat(s.getMessage()).isEqualTo("PackageInstall app: reconciled 1.2.2, waiting for 1.2.3");
        });
        assertThat(o.failure("fluxVerify")).startsWith("fluxVerify: timed out after 5m: 1 of 3 objects not ready\n");
    }

    @Test
    void stagesTheWaitNeverReachedGetARowWithTheReason() {
        VerifyRequest req = request(SHA_A, "prod", "1.2.3");
        VerifyOutcome failed = VerifyOutcome.of(Map.of(req, report(Outcome.FAILED, SHA_A,
                "build cluster: Secret flux-system/prod-kubeconfig does not exist")));
        assertThat(failed.getStages()).singleElement().satisfies(s -> {
            assertThat(s.getState()).isEqualTo("failed");
            assertThat(s.getMessage()).contains("prod-kubeconfig does not exist");
        });
        VerifyOutcome canceled = VerifyOutcome.of(Map.of(req, report(Outcome.CANCELED, SHA_A, "canceled")));
        assertThat(canceled.getStages()).extracting(StageResult::getState).containsExactly("canceled");
        assertThat(canceled.failure("fluxVerify")).startsWith("fluxVerify was aborted: canceled");
    }

    @Test
    void severalCommitsGiveTheWorstOutcomeAndOneRowPerStageInOrder() {
        Map<VerifyRequest, VerifyReport> reports = new LinkedHashMap<>();
        VerifyRequest staging = request(SHA_A, "staging", "1.2.3");
        VerifyRequest prod = request(SHA_B, "prod", "1.2.2");
        reports.put(staging, report(Outcome.READY, SHA_A, "ready", new StageReport("staging", State.READY,
                List.of())));
        reports.put(prod, report(Outcome.TIMED_OUT, SHA_B, "timed out after 5m: 1 of 3 objects not ready",
                new StageReport("prod", State.WAITING, List.of(pkgi(State.WAITING, "not found", "not created yet")))));

        VerifyOutcome o = VerifyOutcome.of(reports);

        assertThat(o.getOutcome()).isEqualTo("timedOut");
        assertThat(o.getMessage()).isEqualTo("timed out after 5m: 1 of 3 objects not ready");
        assertThat(o.getRevisions()).containsExactly(SHA_A, SHA_B);
        assertThat(o.getRevision()).isEqualTo(SHA_B);
        assertThat(o.getStages()).extracting(StageResult::getStage, StageResult::getState, StageResult::getRevision,
                StageResult::getVersion).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("staging", "ready", SHA_A, "1.2.3"),
                        org.assertj.core.groups.Tuple.tuple("prod", "timedOut", SHA_B, "1.2.2"));
    }

    @Test
    void theRemainingTimeNeverDropsBelowOneLook() {
        assertThat(VerifyCallable.remaining(10_000, 4_000)).isEqualTo(Duration.ofSeconds(6));
        assertThat(VerifyCallable.remaining(10_000, 20_000)).isEqualTo(VerifyCallable.MINIMUM_WAIT);
    }
}
