package io.jenkins.plugins.carvelgitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.Deadline;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.StatusRepository;
import io.jenkins.plugins.carvelgitops.engine.testing.MemoryGitops;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.StageStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status report from fixtures: an in-memory GitOps repository and clusters holding YAML fixture objects. */
class StatusServiceTest {

    static final String HEAD = ReadinessRulesTest.OURS;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    static final KubeconfigAuth BUILD = new KubeconfigAuth("build-kubeconfig");
    static final KubeconfigAuth STAGING = new KubeconfigAuth("staging-kubeconfig");
    static final KubeconfigAuth QA = new KubeconfigAuth("qa-kubeconfig");
    static final KubeconfigAuth PROD = new KubeconfigAuth("prod-kubeconfig");

    static final GitopsConfig CONFIG = Fixtures.config(StatusRepository.configYaml(false));

    final MemoryGitops git = new MemoryGitops(HEAD);
    final Map<String, FixtureCluster> clusters = new LinkedHashMap<>();
    final List<String> opened = new ArrayList<>();

    StatusServiceTest() {
        clusters.put(BUILD.content(), new FixtureCluster("build cluster"));
        clusters.put(STAGING.content(), new FixtureCluster("run cluster of stage staging"));
        clusters.put(QA.content(), new FixtureCluster("run cluster of stage qa"));
        clusters.put(PROD.content(), new FixtureCluster("run cluster of stage prod"));
    }

    StatusReport read(StatusRequest request) {
        return new StatusService((kubeconfig, label) -> {
            opened.add(label);
            FixtureCluster c = clusters.get(kubeconfig.content());
            if (c == null) {
                throw new ClusterException("the kubeconfig for the " + label + " cannot be read");
            }
            return c;
        }, CLOCK).read(request);
    }

    StatusRequest live() {
        return new StatusRequest(CONFIG, git, BUILD, Map.of("staging", STAGING, "qa", QA, "prod", PROD), false);
    }

    /** Every stage rendered at 1.2.3; Flux applied the head for every stage. */
    void deliveredEverywhere() {
        for (String stage : List.of("staging", "qa", "prod")) {
            pin(stage, "1.2.3");
        }
        build().put("gitrepo-ready.yaml", "app.default.tap-gitops-repo");
        for (String stage : List.of("staging", "qa", "prod")) {
            build().put("ks-ready-v1.yaml", "app.default.tap-" + stage + "-packages");
            build().put("ks-ready-v1.yaml", "app.default.tap-" + stage + "-packageinstalls");
        }
    }

    FixtureCluster build() {
        return clusters.get(BUILD.content());
    }

    FixtureCluster run(KubeconfigAuth k) {
        return clusters.get(k.content());
    }

    @Test
    void eachStageShowsWhatGitPinsAndWhatRunsJudgedByTheReadinessRules() {
        deliveredEverywhere();
        run(STAGING).put("pkgi-ready.yaml", "app");
        run(QA).put("pkgi-failed.yaml", "app");
        run(PROD).put("pkgi-reconciling.yaml", "app");

        StatusReport report = read(live());

        assertThat(report.live()).isTrue();
        assertThat(report.note()).isEmpty();
        assertThat(report.head()).isEqualTo(HEAD);
        assertThat(report.checkedAt()).isEqualTo(CLOCK.instant());
        assertThat(report.source().state()).isEqualTo(State.READY);
        assertThat(report.source().revision()).isEqualTo("main@sha1:" + HEAD);
        assertThat(report.stages()).extracting(StageStatus::stage).containsExactly("staging", "qa", "prod");
        assertThat(report.stages()).extracting(s -> s.git().version()).containsOnly("1.2.3");
        assertThat(report.stages()).extracting(StageStatus::state)
                .containsExactly(State.READY, State.FAILED, State.PROGRESSING);
        assertThat(report.stages()).extracting(StageStatus::flux).containsOnly(State.READY);

        StageStatus staging = report.stages().get(0);
        assertThat(staging.liveVersion()).isEqualTo("1.2.3");
        assertThat(staging.packageInstall().condition()).isEqualTo("ReconcileSucceeded");
        assertThat(staging.packageInstall().message()).isEmpty();
        assertThat(staging.lastKustomization().revision()).isEqualTo("main@sha1:" + HEAD);
        assertThat(staging.lastKustomization().condition()).isEqualTo("Ready=True");
        assertThat(staging.lastKustomization().reason()).isEqualTo("ReconciliationSucceeded");

        StageStatus qa = report.stages().get(1);
        assertThat(qa.packageInstall().condition()).isEqualTo("ReconcileFailed");
        assertThat(qa.packageInstall().message()).startsWith("ReconcileFailed: kapp: Error: Checking existance");

        StageStatus prod = report.stages().get(2);
        assertThat(prod.packageInstall().condition()).isEqualTo("Reconciling");
        assertThat(prod.packageInstall().message()).isEqualTo("reconciling 1.2.3");
    }

    @Test
    void readsOnlyNeverWrites() {
        deliveredEverywhere();
        run(STAGING).put("pkgi-ready.yaml", "app");
        read(live());
        // FixtureCluster throws on apply, annotate and watch: reaching here means none was called.
        assertThat(build().reads).contains("GitRepository/build-ns/app.default.tap-gitops-repo",
                "Kustomization/build-ns/app.default.tap-prod-packageinstalls");
    }

    @Test
    void aFailingKustomizationAndAnOlderVersionLive() {
        deliveredEverywhere();
        build().put("ks-health-failed.yaml", "app.default.tap-prod-packageinstalls");
        run(STAGING).put("pkgi-ready.yaml", "app");
        run(QA).put("pkgi-ready.yaml", "app");
        run(PROD).put("pkgi-old-version.yaml", "app");

        StageStatus prod = read(live()).stages().get(2);

        assertThat(prod.flux()).isEqualTo(State.FAILED);
        assertThat(prod.kustomizations()).extracting(StatusReport.ObjectStatus::state)
                .containsExactly(State.READY, State.FAILED);
        assertThat(prod.lastKustomization().message()).startsWith("HealthCheckFailed: Health check failed after");
        assertThat(prod.lastKustomization().revision()).isEqualTo("main@sha1:" + "1".repeat(40));
        assertThat(prod.liveVersion()).isEqualTo("1.2.2");
        assertThat(prod.packageInstall().state()).isEqualTo(State.PROGRESSING);
        assertThat(prod.state()).isEqualTo(State.FAILED);
    }

    @Test
    void aSuspendedKustomizationIsReportedAsSuch() {
        deliveredEverywhere();
        build().put("ks-suspended.yaml", "app.default.tap-qa-packages");
        StageStatus qa = read(live()).stages().get(1);
        assertThat(qa.kustomizations().get(0).suspended()).isTrue();
        assertThat(qa.kustomizations().get(0).state()).isEqualTo(State.FAILED);
        assertThat(qa.kustomizations().get(0).message()).contains("is suspended");
    }

    @Test
    void aMissingPackageInstallIsProgressingUntilFluxAppliedItThenFailed() {
        deliveredEverywhere();
        build().put("ks-stale-generation.yaml", "app.default.tap-staging-packageinstalls");
        StatusReport report = read(live());
        assertThat(report.stages().get(0).packageInstall().state()).isEqualTo(State.PROGRESSING);
        assertThat(report.stages().get(1).packageInstall().state()).isEqualTo(State.FAILED);
        assertThat(report.stages().get(1).packageInstall().message()).contains("does not exist in namespace apps");
    }

    @Test
    void withoutClusterAccessItReportsGitOnlyAndSaysSo() {
        pin("staging", "1.2.3");
        pin("qa", "1.2.2");

        StatusReport report = read(StatusRequest.gitOnly(CONFIG, git));

        assertThat(opened).isEmpty();
        assertThat(report.live()).isFalse();
        assertThat(report.source()).isNull();
        assertThat(report.note()).startsWith("Git only");
        assertThat(report.stages()).extracting(s -> s.git().version()).containsExactly("1.2.3", "1.2.2", null);
        assertThat(report.stages().get(2).git().problem()).isEqualTo("not rendered at a1afe26");
        assertThat(report.stages()).extracting(StageStatus::state).containsOnly(State.UNKNOWN);
        assertThat(report.stages().get(0).packageInstall().seen()).isEqualTo("not read");
        assertThat(report.stages().get(0).liveVersion()).isNull();
    }

    @Test
    void aStageNotRenderedIsUnknownAndItsPackageInstallIsNotRead() {
        deliveredEverywhere();
        git.remove("app.default.tap/prod/packageinstall.yaml");
        StageStatus prod = read(live()).stages().get(2);
        assertThat(prod.state()).isEqualTo(State.UNKNOWN);
        assertThat(prod.packageInstall().message()).contains("Git pins no version: not rendered at a1afe26");
        assertThat(run(PROD).reads).isEmpty();
    }

    @Test
    void anInvalidPackageInstallFileIsShownNotThrown() {
        deliveredEverywhere();
        git.put("app.default.tap/qa/packageinstall.yaml", "apiVersion: packaging.carvel.dev/v1alpha1\nkind: "
                + "PackageInstall\nmetadata: {name: app}\n");
        StageStatus qa = read(live()).stages().get(1);
        assertThat(qa.git().version()).isNull();
        assertThat(qa.git().problem()).contains("app.default.tap/qa/packageinstall.yaml").contains("are required");
    }

    @Test
    void aRangeShowsTheVersionItSelects() {
        deliveredEverywhere();
        git.put("app.default.tap/packages/1.2.3.yaml", "x");
        git.put("app.default.tap/packages/1.3.0.yaml", "x");
        git.put("app.default.tap/packages/1.4.0-rc.1.yaml", "x");
        git.put("app.default.tap/prod/packageinstall.yaml", pkgi(">=0.0.0"));
        StageStatus prod = read(live()).stages().get(2);
        assertThat(prod.git().constraints()).isEqualTo(">=0.0.0");
        assertThat(prod.git().version()).isEqualTo("1.3.0");
        assertThat(prod.git().isRange()).isTrue();
    }

    @Test
    void anUnreachableRunClusterMakesItsStageUnknownAndIsAskedOnce() {
        deliveredEverywhere();
        run(STAGING).put("pkgi-ready.yaml", "app");
        run(QA).down = "run cluster of stage qa: cannot connect to https://10.0.0.1:6443";
        StatusReport report = read(live());
        StageStatus qa = report.stages().get(1);
        assertThat(qa.packageInstall().state()).isEqualTo(State.UNKNOWN);
        assertThat(qa.packageInstall().message()).isEqualTo(run(QA).down);
        assertThat(qa.state()).isEqualTo(State.UNKNOWN);
        assertThat(report.stages().get(0).state()).isEqualTo(State.READY);
    }

    @Test
    void anUnreachableBuildClusterIsAskedOnceAndLeavesGitStanding() {
        deliveredEverywhere();
        build().down = "build cluster: cannot connect";
        StatusReport report = read(live());
        assertThat(build().attempts).isEqualTo(1);
        assertThat(report.source().state()).isEqualTo(State.UNKNOWN);
        assertThat(report.source().message()).isEqualTo("build cluster: cannot connect");
        assertThat(report.stages()).extracting(StageStatus::flux).containsOnly(State.UNKNOWN);
        assertThat(report.stages()).extracting(s -> s.git().version()).containsOnly("1.2.3");
    }

    @Test
    void rowsOfUnreachableClustersNameTheirOwnClusterAndObject() {
        deliveredEverywhere();
        build().refusal = "Connection refused";
        run(STAGING).refusal = "Connection refused";
        // qa's run cluster is the build cluster's kubeconfig: same client, but its row is the run cluster's
        StatusReport report = read(new StatusRequest(CONFIG, git, BUILD, Map.of("staging", STAGING, "qa", BUILD),
                true));
        assertThat(report.source().message()).contains("GitRepository");
        for (StageStatus stage : report.stages()) {
            for (var ks : stage.kustomizations()) {
                assertThat(ks.message()).as(stage.stage()).startsWith("build cluster: Kustomization")
                        .doesNotContain("GitRepository").contains("Connection refused");
            }
            assertThat(stage.packageInstall().message()).as(stage.stage())
                    .startsWith("run cluster of stage " + stage.stage()).doesNotContain("build cluster")
                    .doesNotContain("GitRepository");
        }
        assertThat(report.stages().get(2).packageInstall().message()).contains("prod-kubeconfig")
                .contains("Connection refused");
    }

    @Test
    void aStageWithoutItsRunClusterSaysHowToGiveIt() {
        deliveredEverywhere();
        StatusReport report = read(new StatusRequest(CONFIG, git, BUILD, Map.of("staging", STAGING), false));
        assertThat(report.stages().get(2).packageInstall().state()).isEqualTo(State.UNKNOWN);
        assertThat(report.stages().get(2).packageInstall().message())
                .contains("no kubeconfig for the run cluster of stage prod: give the stage's kubeconfig, or allow "
                        + "reading its Secret from the build cluster");
    }

    @Test
    void theRunClusterKubeconfigMayComeFromItsSecretOnTheBuildCluster() {
        deliveredEverywhere();
        run(PROD).put("pkgi-ready.yaml", "app");
        build().objects.put("Secret/build-ns/prod-kubeconfig", Map.of("data", Map.of("value.yaml",
                Base64.getEncoder().encodeToString(PROD.content().getBytes(StandardCharsets.UTF_8)))));
        StatusReport report = read(new StatusRequest(CONFIG, git, BUILD, Map.of(), true));
        assertThat(report.stages().get(2).state()).isEqualTo(State.READY);
        assertThat(report.stages().get(0).packageInstall().message())
                .isEqualTo("build cluster: Secret build-ns/staging-kubeconfig does not exist; run carvel-gitops "
                        + "bootstrap or give the stage's kubeconfig");
    }

    @Test
    void aKubeconfigForAStageThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> new StatusRequest(CONFIG, git, BUILD, Map.of("qa2", QA), false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("qa2");
    }

    @Test
    void theKubeconfigIsNeverInTheRequestsText() {
        assertThat(live().toString()).doesNotContain("build-kubeconfig").doesNotContain("prod-kubeconfig");
    }

    // ------------------------------------------------------------------ fixtures

    /** One commit of a GitOps repository, in memory. */
    void pin(String stage, String version) {
        git.put("app.default.tap/" + stage + "/packageinstall.yaml", pkgi(version));
    }

    static String pkgi(String constraints) {
        return """
                apiVersion: packaging.carvel.dev/v1alpha1
                kind: PackageInstall
                metadata: {name: app, namespace: apps}
                spec:
                  serviceAccountName: app-installer
                  packageRef: {refName: app.default.tap, versionSelection: {constraints: "%s"}}
                """.formatted(constraints);
    }

    /** A cluster that holds fixture objects, answers reads, and refuses every write. */
    static final class FixtureCluster implements ClusterAccess {
        final String label;
        final Map<String, Map<String, Object>> objects = new HashMap<>();
        final List<String> reads = new ArrayList<>();
        String down;
        /** When set, every read fails as a refused connection does: the cluster, the request, the cause. */
        String refusal;
        int attempts;

        FixtureCluster(String label) {
            this.label = label;
        }

        /** Puts a fixture from src/test/resources/verify under another name. */
        @SuppressWarnings("unchecked")
        void put(String fixture, String name) {
            Map<String, Object> o = ReadinessRulesTest.load(fixture);
            Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) o.get("metadata"));
            metadata.put("name", name);
            o.put("metadata", metadata);
            objects.put(o.get("kind") + "/" + metadata.get("namespace") + "/" + name, o);
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public ClusterAccess within(Deadline deadline) {
            return this;
        }

        @Override
        public Optional<Map<String, Object>> get(ObjectRef ref) {
            attempts++;
            if (down != null) {
                throw new ClusterException(down);
            }
            if (refusal != null) {
                throw new ClusterException(label + ": cannot get " + ref.kind() + " " + ref.namespace() + "/"
                        + ref.name() + ": " + refusal, new java.net.ConnectException(refusal));
            }
            reads.add(ref.toString());
            return Optional.ofNullable(objects.get(ref.toString()));
        }

        @Override
        public Applied apply(Manifest manifest) {
            throw new AssertionError("status must not write: apply " + manifest);
        }

        @Override
        public void annotate(ObjectRef ref, String key, String value) {
            throw new AssertionError("status must not write: annotate " + ref);
        }

        @Override
        public ObjectWatch watch(String apiVersion, String kind, String namespace, WatchListener listener) {
            throw new AssertionError("status reads once: watch " + kind);
        }
    }
}
