package io.jenkins.plugins.carvelgitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.testing.ReadinessFixtures;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness.State;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadinessRulesTest {

    static final String OURS = ReadinessFixtures.OURS;
    static final String LATER = "2222222222222222222222222222222222222222";
    static final ObjectRef KS = new ObjectRef("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "build-ns",
            "app-prod-packageinstalls");
    static final ObjectRef GIT_REPOSITORY = new ObjectRef("source.toolkit.fluxcd.io/v1", "GitRepository",
            "build-ns", "app-gitops-repo");
    static final ObjectRef PKGI = new ObjectRef("packaging.carvel.dev/v1alpha1", "PackageInstall", "apps", "app");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ks-ready-v1.yaml                | READY   | ''
            ks-ready-legacy.yaml            | READY   | ''
            ks-ready-other-commit.yaml      | WAITING | waiting for a1afe26
            ks-suspended.yaml               | FAILED  | is suspended (spec.suspend: true)
            ks-stale-generation.yaml        | WAITING | generation 3 not reconciled yet
            ks-health-failed.yaml           | FAILED  | HealthCheckFailed: Health check failed after
            ks-failed-stale.yaml            | WAITING | BuildFailed
            ks-failed-previous-commit.yaml  | WAITING | BuildFailed
            ks-artifact-failed.yaml         | WAITING | ArtifactFailed: kustomization path not found
            ks-progressing.yaml             | WAITING | reconciling: Detecting drift for revision
            ks-stalled.yaml                 | FAILED  | stalled: cross-namespace references are not allowed
            gitrepo-ready.yaml              | READY   | ''
            """)
    void flux(String fixture, State state, String message) {
        ObjectRef ref = fixture.startsWith("gitrepo") ? GIT_REPOSITORY : KS;
        Readiness r = ReadinessRules.evaluate(load(fixture), new Expectation.FluxRevision("prod", ref, OURS),
                RevisionHistory.EXACT);
        assertThat(r.state()).as(r.toString()).isEqualTo(state);
        assertThat(r.message()).contains(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pkgi-ready.yaml                    | 1.2.3 | READY   | ''
            pkgi-old-version.yaml              | 1.2.3 | WAITING | reconciled 1.2.2, waiting for 1.2.3
            pkgi-paused.yaml                   | 1.2.3 | FAILED  | is paused (spec.paused: true)
            pkgi-canceled.yaml                 | 1.2.3 | FAILED  | is canceled (spec.canceled: true)
            pkgi-stale-generation.yaml         | 1.2.3 | WAITING | has not picked up generation 2
            pkgi-failed.yaml                   | 1.2.3 | FAILED  | ReconcileFailed: kapp: Error: Checking existance
            pkgi-failed-previous-version.yaml  | 1.2.3 | WAITING | the failure is for version 1.2.2, not 1.2.3
            pkgi-downgrade-refused.yaml        | 1.0.0 | FAILED  | hint: Add annotation packaging.carvel.dev/downgradable
            pkgi-reconciling.yaml              | 1.2.3 | WAITING | reconciling 1.2.3
            pkgi-ready.yaml                    | 1.2.4 | WAITING | reconciled 1.2.3, waiting for 1.2.4
            """)
    void packageInstall(String fixture, String version, State state, String message) {
        Readiness r = ReadinessRules.evaluate(load(fixture), new Expectation.PackageVersion("prod", PKGI, version,
                false), RevisionHistory.EXACT);
        assertThat(r.state()).as(r.toString()).isEqualTo(state);
        assertThat(r.message()).contains(message);
    }

    @Test
    void aDescendantOfOurCommitCountsOnlyWhenTheHistorySaysSo() {
        Map<String, Object> ks = load("ks-ready-v1.yaml");
        // The cluster is at OURS; we expect an older commit that OURS descends from.
        String older = "3333333333333333333333333333333333333333";
        RevisionHistory history = (ancestor, descendant) -> ancestor.equals(older) && descendant.equals(OURS);
        assertThat(ReadinessRules.evaluate(ks, new Expectation.FluxRevision("prod", KS, older), history).state())
                .isEqualTo(State.READY);
        assertThat(ReadinessRules.evaluate(ks, new Expectation.FluxRevision("prod", KS, older),
                RevisionHistory.EXACT).state()).isEqualTo(State.WAITING);
        assertThat(ReadinessRules.evaluate(ks, new Expectation.FluxRevision("prod", KS, LATER), history).state())
                .isEqualTo(State.WAITING);
    }

    @Test
    void aFailureOfALaterCommitIsOursToo() {
        Map<String, Object> ks = load("ks-failed-previous-commit.yaml");
        String earlier = "0000000000000000000000000000000000000001";
        RevisionHistory history = (ancestor, descendant) -> ancestor.equals(earlier);
        assertThat(ReadinessRules.evaluate(ks, new Expectation.FluxRevision("prod", KS, earlier), history).state())
                .isEqualTo(State.FAILED);
    }

    @Test
    void aMissingFluxObjectFailsAndAMissingPackageInstallWaitsUntilFluxAppliedIt() {
        assertThat(ReadinessRules.evaluate(null, new Expectation.FluxRevision("prod", KS, OURS),
                RevisionHistory.EXACT)).satisfies(r -> {
                    assertThat(r.state()).isEqualTo(State.FAILED);
                    assertThat(r.message()).contains("does not exist in namespace build-ns").contains("bootstrap");
                });
        Expectation.PackageVersion pkgi = new Expectation.PackageVersion("prod", PKGI, "1.2.3", false);
        assertThat(ReadinessRules.evaluate(null, pkgi, RevisionHistory.EXACT).state()).isEqualTo(State.WAITING);
        assertThat(ReadinessRules.evaluate(null, pkgi.mustExist(true), RevisionHistory.EXACT).state())
                .isEqualTo(State.FAILED);
    }

    @Test
    void seenIsShortAndNamesTheRevision() {
        Readiness r = ReadinessRules.evaluate(load("ks-ready-other-commit.yaml"),
                new Expectation.FluxRevision("prod", KS, OURS), RevisionHistory.EXACT);
        assertThat(r.seen()).isEqualTo("Ready=True ReconciliationSucceeded, at main@sha1:1111111");
    }

    static Map<String, Object> load(String fixture) {
        return ReadinessFixtures.load(fixture);
    }
}
