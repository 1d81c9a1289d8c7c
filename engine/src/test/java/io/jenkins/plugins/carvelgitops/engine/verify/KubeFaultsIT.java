package io.jenkins.plugins.carvelgitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * verify while the API servers misbehave: 500s, 429s with Retry-After, slow responses, dropped watches and
 * a restart. Requests are retried with back-off within the timeout, and the answer is still the right one:
 * ready, failed or timed out.
 */
class KubeFaultsIT {

    static final String SHA = VerifyIT.SHA;
    static final Duration LONG = Duration.ofSeconds(30);

    ScheduledExecutorService scheduler;
    KubeClients clients;
    RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void setUp() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        clients = new KubeClients(new KubeClients.Settings(Duration.ofSeconds(20), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(100)));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        scheduler.shutdownNow();
    }

    VerifyHandle start(SimulatedDelivery d, Duration timeout) {
        return new Verifier(clients, RevisionHistory.EXACT, scheduler).start(d.request(SHA, timeout, true), progress);
    }

    VerifyReport verify(SimulatedDelivery d, Duration timeout) throws Exception {
        return start(d, timeout).result().get(timeout.toSeconds() + 20, TimeUnit.SECONDS);
    }

    static long count(MockCluster c, int code) {
        return c.served().stream().filter(s -> s.code() == code).count();
    }

    @Test
    void serverErrorsAndThrottlingOnEveryKindOfRequestAreRetriedAndTheWaitEndsReady() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(false)) {
            MockCluster build = d.build;
            MockCluster run = d.run("prod");
            build.failNext(2, "PATCH ", 500, 0);
            build.failNext(1, "GET /apis/source.toolkit.fluxcd.io", 503, 0);
            build.failNext(1, "GET /apis/kustomize.toolkit.fluxcd.io", 429, 1);
            run.failNext(3, "GET /apis/packaging.carvel.dev", 500, 0);
            VerifyReport report = verify(d, LONG);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.READY);
            assertThat(count(build, 500)).isEqualTo(2);
            assertThat(count(build, 503)).isEqualTo(1);
            assertThat(count(build, 429)).isEqualTo(1);
            assertThat(count(run, 500)).isEqualTo(3);
            // Retry-After: 1 is honoured: the next list of Kustomizations waited at least that long.
            List<MockCluster.Served> kustomizations = build.served().stream()
                    .filter(s -> s.request().startsWith("GET /apis/kustomize.toolkit.fluxcd.io")).toList();
            assertThat(kustomizations.get(0).code()).isEqualTo(429);
            assertThat(Duration.ofNanos(kustomizations.get(1).nanos() - kustomizations.get(0).nanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(progress.text()).doesNotContain("kubeconfig-secret-token");
        }
    }

    @Test
    void slowResponsesStillEndReady() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(false)) {
            d.build.slow(Duration.ofMillis(400));
            d.run("prod").slow(Duration.ofMillis(400));
            assertThat(verify(d, LONG).outcome()).as(progress.text()).isEqualTo(Outcome.READY);
        }
    }

    @Test
    void watchesDroppedAgainAndAgainAreReconnectedAndTheWaitEndsReady() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(true)) {
            d.flux.reactToRequests(false);
            VerifyHandle handle = start(d, LONG);
            VerifyIT.awaitWatching(progress);
            for (int i = 0; i < 3; i++) {
                d.build.proxy().dropConnections();
                d.run("prod").proxy().dropConnections();
                Thread.sleep(300); // not an await: the drops are spaced so that each may catch a reconnect
            }
            d.flux.tick(); // the status changes while the watches reconnect
            d.build.proxy().dropConnections();
            VerifyReport report = handle.result().get(40, TimeUnit.SECONDS);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.READY);
        }
    }

    @Test
    void anApiServerRestartDuringTheWaitIsSurvived() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(false)) {
            d.flux.reactToRequests(false);
            VerifyHandle handle = start(d, LONG);
            VerifyIT.awaitWatching(progress);
            long before = System.nanoTime();
            d.build.restart();
            d.run("prod").restart();
            Thread.sleep(1500); // the simulators' own watches reconnect too
            d.flux.tick();
            VerifyReport report = handle.result().get(40, TimeUnit.SECONDS);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.READY);
            // verify watched the restarted servers again (from the last resourceVersion it had seen)
            assertThat(d.build.served()).anyMatch(s -> s.nanos() > before
                    && s.request().startsWith("GET /apis/kustomize.toolkit.fluxcd.io") && s.request().contains("watch="));
            assertThat(d.run("prod").served()).anyMatch(s -> s.nanos() > before
                    && s.request().startsWith("GET /apis/packaging.carvel.dev") && s.request().contains("watch="));
        }
    }

    @Test
    void aFailureUnderServerErrorsIsStillTheFailure() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(false)) {
            d.kapp("prod").failVersion("1.2.3", "kapp: Error: Applying create deployment/app: forbidden");
            d.build.failNext(2, "", 500, 0);
            d.run("prod").failNext(2, "", 429, 1);
            VerifyReport report = verify(d, LONG);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.FAILED);
            assertThat(report.message()).isEqualTo("prod: PackageInstall apps/app on the run cluster of stage prod: "
                    + "ReconcileFailed: kapp: Error: Applying create deployment/app: forbidden");
        }
    }

    @Test
    void aVersionMismatchUnderSlowResponsesStillTimesOutWithTheReport() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(false)) {
            d.kapp("prod").selectInstead("1.2.3", "1.2.4");
            d.run("prod").slow(Duration.ofMillis(300)).failNext(1, "GET /apis/packaging.carvel.dev", 503, 0);
            VerifyReport report = verify(d, Duration.ofSeconds(4));
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(report.message()).isEqualTo("timed out after 4s: 1 of 4 objects not ready");
            assertThat(report.stages().get(1).objects().get(2).seen()).isEqualTo("ReconcileSucceeded 1.2.4");
        }
    }

    @Test
    void throttledPastTheDeadlineTimesOutAtTheDeadlineNamingTheLastError() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(false)) {
            d.build.failNext(10_000, "", 429, 60);
            VerifyReport report = verify(d, Duration.ofSeconds(2));
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(report.message()).startsWith("timed out after 2s: 4 of 4 objects not ready (last cluster error: "
                    + "build cluster: ").contains("429");
            // Retry-After 60 s is beyond the deadline: one request, no second attempt.
            assertThat(count(d.build, 429)).as(d.build.served().toString()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedListIsAFailureAtOnce() throws Exception {
        try (SimulatedDelivery d = VerifyIT.oneStage(false)) {
            d.run("prod").failNext(10_000, "GET /apis/packaging.carvel.dev", 403, 0);
            VerifyReport report = verify(d, LONG);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.FAILED);
            assertThat(report.message()).startsWith("run cluster of stage prod: cannot list PackageInstall in "
                    + "namespace apps: 403");
            assertThat(count(d.run("prod"), 403)).isEqualTo(1);
        }
    }
}
