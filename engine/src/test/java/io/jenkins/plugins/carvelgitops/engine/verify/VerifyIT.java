package io.jenkins.plugins.carvelgitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.git.JGitHistory;
import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.testing.Await;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator.Format;
import io.jenkins.plugins.carvelgitops.engine.testing.KappSimulator;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** verify against simulated Flux and kapp-controller over real HTTP. */
class VerifyIT {

    static final String SHA = "a1afe267b54f38b46b487f6e938a6fd508278c07";
    static final Duration LONG = Duration.ofSeconds(30);

    ScheduledExecutorService scheduler;
    KubeClients clients;
    RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void setUp() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        clients = new KubeClients(new KubeClients.Settings(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(100)));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        scheduler.shutdownNow();
    }

    VerifyReport verify(SimulatedDelivery d, String sha, Duration timeout, boolean reconcile, RevisionHistory history)
            throws Exception {
        VerifyHandle handle = new Verifier(clients, history, scheduler).start(d.request(sha, timeout, reconcile),
                progress);
        return handle.result().get(timeout.toSeconds() + 20, TimeUnit.SECONDS);
    }

    static String dump(SimulatedDelivery d) {
        return d.build.client().genericKubernetesResources(MockCluster.context("kustomize.toolkit.fluxcd.io/v1beta2",
                "Kustomization")).inNamespace(SimulatedDelivery.FLUX_NS).list().getItems().toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"v1beta2, LEGACY", "v1beta2, SHA1", "v1, SHA1"})
    void twoStagesBecomeReadyOnceFluxAndKappControllerReportOurCommitAndVersion(String api, Format format)
            throws Exception {
        try (SimulatedDelivery d = new SimulatedDelivery(api, format, List.of("staging", "prod"), 2, false)) {
            d.flux.head(SHA).delay(Duration.ofMillis(200));
            d.deliver("staging", "1.2.3").deliver("prod", "1.2.3");
            d.kapp("staging").delay(Duration.ofMillis(300));
            VerifyReport report = verify(d, SHA, LONG, true, RevisionHistory.EXACT);
            assertThat(report.outcome()).as(() -> progress.text() + "\n" + dump(d)).isEqualTo(Outcome.READY);
            assertThat(report.message()).isEqualTo("revision a1afe26 is live on staging, prod");
            assertThat(report.stages()).extracting(VerifyReport.StageReport::stage)
                    .containsExactly("source", "staging", "prod");
            assertThat(progress.text()).contains("prod: PackageInstall app reconciled 1.2.3")
                    .contains("staging: Kustomization app.default.tap-staging-packageinstalls applied "
                            + d.flux.revision("a1afe26"))
                    .containsPattern("\\[\\d+\\.\\ds\\] source: GitRepository app.default.tap-gitops-repo fetched");
            // The reconcile request carries our field manager (Flux strips kubectl* and before-first-apply*).
            assertThat(d.build.requests()).anyMatch(r -> r.startsWith("PATCH ") && r.contains("kustomizations/")
                    && r.contains("fieldManager=carvel-gitops"));
        }
    }

    static final String PREVIOUS = "9999999999999999999999999999999999999999";

    /** One stage that runs 1.2.2 from an earlier commit; then our commit (1.2.3) is pushed. */
    static SimulatedDelivery oneStage(boolean proxy) throws InterruptedException {
        SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, List.of("prod"), 1, proxy);
        d.flux.head(PREVIOUS);
        d.deliver("prod", "1.2.2");
        d.flux.tick(); // the creation events may have come before the head was set
        settle(d);
        d.flux.head(SHA);
        d.deliver("prod", "1.2.3");
        return d;
    }

    static void settle(SimulatedDelivery d) throws InterruptedException {
        Await.until(Duration.ofSeconds(10), () -> unsettled(d), () -> {
            d.flux.drain();
            d.kapp("prod").drain();
            var pkgi = d.run("prod").get(SimulatedDelivery.pkgiApi(), "PackageInstall", "apps", "app");
            return pkgi != null && String.valueOf(pkgi.getAdditionalProperties().get("status")).contains(
                    "ReconcileSucceeded");
        });
        d.flux.drain();
        d.kapp("prod").drain();
    }

    /** Until verify reports that it watches the source, the prod PackageInstall and its Kustomizations. */
    static void awaitWatching(RecordingProgress progress) throws InterruptedException {
        Await.until(Duration.ofSeconds(10), () -> "verify did not start watching: " + progress.text(), () -> {
            String text = progress.text();
            return text.contains("source: GitRepository") && text.contains("prod: PackageInstall app")
                    && text.contains("-packageinstalls");
        });
    }

    private static String unsettled(SimulatedDelivery d) {
        return "the simulated delivery did not settle: " + d.run("prod").get(
                SimulatedDelivery.pkgiApi(), "PackageInstall", "apps", "app") + "\n" + d.build.client()
                .genericKubernetesResources(MockCluster.context("kustomize.toolkit.fluxcd.io/v1", "Kustomization"))
                .inNamespace("build-ns").list().getItems() + "\n" + d.build.client().genericKubernetesResources(
                        MockCluster.context("source.toolkit.fluxcd.io/v1", "GitRepository")).inNamespace("build-ns")
                .list().getItems();
    }

    enum Failure { SUSPENDED, HEALTH_CHECK_FAILED, STALLED, RECONCILE_FAILED, PAUSED, DOWNGRADE_REFUSED, MISSING }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Failure.class)
    void failsFastWithTheControllersMessageAndTheObject(Failure failure) throws Exception {
        try (SimulatedDelivery d = oneStage(false)) {
            String ks = SimulatedDelivery.packageInstalls("prod");
            String expected = switch (failure) {
                case SUSPENDED -> {
                    d.setKustomizationSpec(ks, "suspend", true);
                    yield "Kustomization build-ns/" + ks + " on the build cluster: Kustomization " + ks
                            + " is suspended";
                }
                case HEALTH_CHECK_FAILED -> {
                    d.flux.fail(ks, "HealthCheckFailed", "Health check failed after 5m0s: timeout waiting for: "
                            + "[PackageInstall/apps/app status: 'InProgress']");
                    yield "HealthCheckFailed: Health check failed after 5m0s";
                }
                case STALLED -> {
                    d.flux.stall(ks);
                    yield "stalled: cross-namespace references are not allowed";
                }
                case RECONCILE_FAILED -> {
                    d.kapp("prod").failVersion("1.2.3", "kapp: Error: Applying create deployment/app: forbidden");
                    yield "PackageInstall apps/app on the run cluster of stage prod: ReconcileFailed: kapp: Error: "
                            + "Applying create deployment/app: forbidden";
                }
                case PAUSED -> {
                    KappSimulator.pause(d.run("prod"), "apps", "app");
                    yield "PackageInstall app is paused (spec.paused: true)";
                }
                case DOWNGRADE_REFUSED -> {
                    d.deliver("prod", "1.0.0");
                    yield "Stopped installing matched version '1.0.0' since last attempted version '1.2.2' is "
                            + "higher.; hint: Add annotation packaging.carvel.dev/downgradable";
                }
                case MISSING -> {
                    d.build.client().genericKubernetesResources(MockCluster.context(
                            "kustomize.toolkit.fluxcd.io/v1", "Kustomization")).inNamespace("build-ns")
                            .withName(SimulatedDelivery.packages("prod")).delete();
                    yield "Kustomization " + SimulatedDelivery.packages("prod") + " does not exist in namespace "
                            + "build-ns; run carvel-gitops bootstrap";
                }
            };
            Thread.sleep(300); // let the simulators settle on the previous state
            long start = System.nanoTime();
            VerifyReport report = verify(d, SHA, LONG, true, RevisionHistory.EXACT);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.FAILED);
            assertThat(report.message()).startsWith("prod: ").contains(expected);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aVersionMismatchTimesOutWithWhatWasExpectedAndWhatWasSeen() throws Exception {
        try (SimulatedDelivery d = oneStage(false)) {
            d.kapp("prod").selectInstead("1.2.3", "1.2.4");
            VerifyReport report = verify(d, SHA, Duration.ofSeconds(3), true, RevisionHistory.EXACT);
            assertThat(report.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(report.message()).isEqualTo("timed out after 3s: 1 of 4 objects not ready");
            VerifyReport.ObjectReport pkgi = report.stages().get(1).objects().get(2);
            assertThat(pkgi.expected()).isEqualTo("ReconcileSucceeded at 1.2.3");
            assertThat(pkgi.seen()).isEqualTo("ReconcileSucceeded 1.2.4");
            assertThat(pkgi.message()).isEqualTo("reconciled 1.2.4, waiting for 1.2.3");
        }
    }

    @Test
    void withoutTheReconcileRequestFluxActsOnlyOnItsInterval() throws Exception {
        try (SimulatedDelivery d = oneStage(false)) {
            d.flux.reactToRequests(false);
            // Flux ignores our request token: only an interval tick would move it.
            VerifyReport report = verify(d, SHA, Duration.ofSeconds(2), false, RevisionHistory.EXACT);
            assertThat(report.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(d.build.requests()).noneMatch(r -> r.startsWith("PATCH "));
            d.flux.tick();
            report = verify(d, SHA, LONG, false, RevisionHistory.EXACT);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.READY);
        }
    }

    @Test
    void aDescendantOfOurCommitCountsAsApplied(@TempDir Path repo) throws Exception {
        String ours;
        String later;
        String unrelated;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            PersonIdent who = new PersonIdent("t", "t@example.invalid");
            RevCommit base = git.commit().setMessage("base").setAuthor(who).setCommitter(who).setSign(false)
                    .setAllowEmpty(true).call();
            RevCommit o = git.commit().setMessage("ours").setAuthor(who).setCommitter(who).setSign(false)
                    .setAllowEmpty(true).call();
            RevCommit l = git.commit().setMessage("someone else's, after ours").setAuthor(who).setCommitter(who)
                    .setSign(false).setAllowEmpty(true).call();
            git.checkout().setCreateBranch(true).setName("side").setStartPoint(base).call();
            RevCommit u = git.commit().setMessage("not after ours").setAuthor(who).setCommitter(who).setSign(false)
                    .setAllowEmpty(true).call();
            ours = o.name();
            later = l.name();
            unrelated = u.name();
        }
        JGitHistory history = new JGitHistory(repo);
        try (SimulatedDelivery d = oneStage(false)) {
            d.flux.head(later);
            assertThat(verify(d, ours, LONG, true, history).outcome()).as(progress.text()).isEqualTo(Outcome.READY);
        }
        try (SimulatedDelivery d = oneStage(false)) {
            d.flux.head(unrelated);
            VerifyReport report = verify(d, ours, Duration.ofSeconds(2), true, history);
            assertThat(report.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(report.stages().get(0).objects().get(0).message()).contains("waiting for "
                    + Revisions.shortSha(ours));
        }
    }

    @Test
    void aDroppedWatchIsReconnectedAndListedAgain() throws Exception {
        try (SimulatedDelivery d = oneStage(true)) {
            d.flux.reactToRequests(false);
            VerifyHandle handle = new Verifier(clients, RevisionHistory.EXACT, scheduler)
                    .start(d.request(SHA, LONG, true), progress);
            awaitWatching(progress);
            d.build.proxy().dropConnections();
            d.runClusters().get(0).proxy().dropConnections();
            Thread.sleep(300); // not an await: the tick is meant to land while the watches reconnect
            d.flux.tick(); // the status changes while the watches reconnect
            VerifyReport report = handle.result().get(40, TimeUnit.SECONDS);
            assertThat(report.outcome()).as(progress.text()).isEqualTo(Outcome.READY);
        }
    }

    @Test
    void anUnreachableRunClusterFailsFastNamingTheStage() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (SimulatedDelivery d = oneStage(false)) {
            VerifyRequest ok = d.request(SHA, LONG, true);
            VerifyRequest.StageTarget prod = ok.stages().get(0);
            VerifyRequest request = new VerifyRequest(ok.buildCluster(), ok.fluxApiVersion(), ok.fluxNamespace(),
                    ok.gitRepository(), SHA, List.of(new VerifyRequest.StageTarget("prod", prod.kustomizations(),
                            prod.namespace(), prod.packageInstall(), prod.version(), new io.jenkins.plugins
                                    .carvelgitops.engine.kube.KubeconfigAuth(MockCluster.kubeconfigFor(closedPort)))),
                    LONG, true, false);
            VerifyReport report = new Verifier(clients, RevisionHistory.EXACT, scheduler).start(request, progress)
                    .result().get(40, TimeUnit.SECONDS);
            assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(report.message()).startsWith("run cluster of stage prod: cannot list PackageInstall in "
                    + "namespace apps: ");
            assertThat(progress.text()).doesNotContain("kubeconfig-secret-token");
        }
    }

    @Test
    void cancelEndsTheWaitAndClosesTheWatches() throws Exception {
        try (SimulatedDelivery d = oneStage(false)) {
            d.flux.reactToRequests(false);
            VerifyHandle handle = new Verifier(clients, RevisionHistory.EXACT, scheduler)
                    .start(d.request(SHA, LONG, true), progress);
            watching(d);
            handle.cancel();
            assertThat(handle.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CANCELED);
        }
    }

    @Test
    void aCanceledVerifyClosesEveryWatchOnEveryCluster() throws Exception {
        try (SimulatedDelivery d = oneStage(true)) {
            d.flux.reactToRequests(false);
            VerifyHandle handle = new Verifier(clients, RevisionHistory.EXACT, scheduler)
                    .start(d.request(SHA, LONG, true), progress);
            // GitRepository and Kustomizations on the build cluster, the PackageInstall on the run cluster
            Await.until(Duration.ofSeconds(30), "the watches of the verify",
                    () -> d.build.proxy().openWatches() >= 2 && d.run("prod").proxy().openWatches() >= 1);
            int open = d.build.proxy().openWatches() + d.run("prod").proxy().openWatches();

            handle.cancel();

            assertThat(handle.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.CANCELED);
            Await.until(Duration.ofSeconds(10), "every watch closed",
                    () -> d.build.proxy().openWatches() + d.run("prod").proxy().openWatches() == 0);
            assertThat(open).as("watches open before the cancel").isGreaterThanOrEqualTo(3);
            assertThat(d.build.proxy().openWatches() + d.run("prod").proxy().openWatches()).isZero();
        }
    }

    @Test
    void anInterruptedVerificationCancelsEveryWait() throws Exception {
        try (SimulatedDelivery d = oneStage(false)) {
            d.flux.reactToRequests(false);
            VerifyRequest request = d.request(SHA, LONG, true);
            try (Verification verification = Verification.start(List.of(request), RevisionHistory.EXACT,
                    progress)) {
                Thread waiter = Thread.currentThread();
                watching(d);
                scheduler.execute(waiter::interrupt);
                assertThatThrownBy(verification::await).isInstanceOf(InterruptedException.class);
                assertThat(Thread.interrupted()).isFalse();
                VerifyReport report = verification.await().get(request);
                assertThat(report.outcome()).isEqualTo(Outcome.CANCELED);
            }
        }
    }

    /** Until the verify has opened its watches on the build cluster. */
    static void watching(SimulatedDelivery d) throws InterruptedException {
        Await.until(Duration.ofSeconds(30), "a watch on the build cluster",
                () -> d.build.requests().stream().anyMatch(r -> r.contains("watch=true")));
    }
}
