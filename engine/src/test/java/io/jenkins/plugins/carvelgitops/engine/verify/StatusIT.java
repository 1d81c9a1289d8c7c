package io.jenkins.plugins.carvelgitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.JGitHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.report.StatusPage;
import io.jenkins.plugins.carvelgitops.engine.report.StatusReports;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator.Format;
import io.jenkins.plugins.carvelgitops.engine.testing.Settle;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.testing.StatusRepository;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.StageStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status against simulated Flux and kapp-controller over real HTTP: one stage ready, one failed, one on its way. */
class StatusIT {

    static final String KAPP_ERROR = "kapp: Error: Checking existance of resource service/simple-app (v1) namespace: "
            + "does-not-exist: services \"simple-app\" is forbidden";
    static final List<String> STAGES = List.of("staging", "qa", "prod");

    @TempDir
    Path dir;

    GitopsConfig config() {
        return Fixtures.config(StatusRepository.configYaml(false));
    }

    /** A GitOps repository pinning every stage at {@code version}; returns the head commit. */
    String gitops(String version) throws Exception {
        Map<String, String> constraints = new LinkedHashMap<>();
        STAGES.forEach(stage -> constraints.put(stage, version));
        return StatusRepository.deliver(dir.resolve("gitops"), constraints, "deliver " + version, null);
    }

    @Test
    void oneStageReadyOneFailedWithKappsMessageOneProgressing() throws Exception {
        String head = gitops("1.2.3");
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, STAGES, 3, false);
                KubeClients clients = new KubeClients(new KubeClients.Settings(Duration.ofSeconds(5), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofMillis(100)))) {
            d.kapp("qa").failVersion("1.2.3", KAPP_ERROR);
            d.kapp("prod").delay(Duration.ofMinutes(5));
            STAGES.forEach(s -> d.deliver(s, "1.2.3"));
            d.flux.head(head);
            d.flux.tick();
            settle(d);

            Map<String, KubeconfigAuth> runs = new LinkedHashMap<>();
            STAGES.forEach(s -> runs.put(s, d.run(s).kubeconfig()));
            int requestsBefore = d.build.requests().size();
            StatusReport report = new StatusService(clients, Clock.systemUTC()).read(new StatusRequest(config(),
                    new JGitHistory(dir.resolve("gitops")), d.build.kubeconfig(), runs, false));

            assertThat(report.head()).isEqualTo(head);
            assertThat(report.source().state()).isEqualTo(State.READY);
            assertThat(report.stages()).extracting(StageStatus::stage).containsExactlyElementsOf(STAGES);
            assertThat(report.stages()).extracting(s -> s.git().version()).containsOnly("1.2.3");
            assertThat(report.stages()).extracting(StageStatus::flux).containsOnly(State.READY);
            assertThat(report.stages()).extracting(StageStatus::state)
                    .as(() -> StatusReports.text(report))
                    .containsExactly(State.READY, State.FAILED, State.PROGRESSING);
            assertThat(report.stages()).extracting(StageStatus::liveVersion).containsOnly("1.2.3");
            StageStatus qa = report.stages().get(1);
            assertThat(qa.packageInstall().message()).isEqualTo("ReconcileFailed: " + KAPP_ERROR);
            assertThat(report.stages().get(2).packageInstall().condition()).isEqualTo("Reconciling");
            assertThat(report.stages().get(0).lastKustomization().revision()).isEqualTo(d.flux.revision(head));

            // Read-only: no patch or create reached the build cluster (simulators write statuses with PUT).
            assertThat(d.build.requests().subList(requestsBefore, d.build.requests().size()))
                    .noneMatch(r -> r.startsWith("PATCH ") || r.startsWith("POST "));
            String text = StatusReports.text(report);
            String html = StatusPage.html(report);
            for (String k : List.of(d.build.kubeconfig().content(), "kubeconfig-secret-token")) {
                assertThat(text).doesNotContain(k);
                assertThat(html).doesNotContain(k);
            }
        }
    }

    static void settle(SimulatedDelivery d) throws InterruptedException {
        Settle.flux(d, "v1");
        Settle.packageInstall(d, "staging", "ReconcileSucceeded");
        Settle.packageInstall(d, "qa", "ReconcileFailed");
        Settle.packageInstall(d, "prod", "Reconciling");
    }
}
