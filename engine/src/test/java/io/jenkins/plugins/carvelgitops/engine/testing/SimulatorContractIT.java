package io.jenkins.plugins.carvelgitops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.verify.Expectation;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness;
import io.jenkins.plugins.carvelgitops.engine.verify.ReadinessRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulators against what they stand for. Each scenario drives the Flux or kapp-controller simulator
 * into one state; then every object it wrote must pass the real CRD's schema (fields it does not declare
 * included: a real API server would prune them), and the state it ends in must be judged by
 * {@link ReadinessRules} as the readiness fixture of that state is, with the fixture's status fields all
 * present. A simulator that drifts from the controllers makes the tests built on it prove nothing.
 */
class SimulatorContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OURS = ReadinessFixtures.OURS;
    private static final String OTHER = "1111111111111111111111111111111111111111";
    private static final String FLUX_NS = "build-ns";
    private static final String SOURCE = "app-gitops-repo";
    private static final String KS = "app-prod-packageinstalls";
    private static final String APP_NS = "apps";
    private static final String INSTALL = "app";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    private final MockCluster cluster = MockCluster.start();
    private final List<GenericKubernetesResource> written = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private CrdSchemas crds;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        cluster.close();
    }

    // ---- Flux ----

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"v1, SHA1, ks-ready-v1.yaml", "v1beta2, SHA1, ks-ready-v1.yaml", "v1beta2, LEGACY, ks-ready-legacy.yaml"})
    void fluxReadyAtOurCommit(String api, FluxSimulator.Format format, String readyFixture) throws Exception {
        FluxSimulator flux = flux(api, format).delay(Duration.ofMillis(50)).head(OURS);
        awaitWrite("Kustomization", o -> "True".equals(readyStatus(o)));
        flux.drain();
        alike(kustomization(api), readyFixture, fluxExpects(api, "Kustomization", KS), true);
        alike(object("source.toolkit.fluxcd.io/" + api, "GitRepository", FLUX_NS, SOURCE), "gitrepo-ready.yaml",
                fluxExpects(api, "GitRepository", SOURCE), format == FluxSimulator.Format.SHA1);
        GenericKubernetesResource progressing = written.stream().filter(o -> o.getKind().equals("Kustomization")
                && "Unknown".equals(readyStatus(o))).findFirst().orElseThrow();
        alike(map(progressing), "ks-progressing.yaml", fluxExpects(api, "Kustomization", KS), false);
        allWritesValid(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1", "v1beta2"})
    void fluxReadyAtAnotherCommit(String api) throws Exception {
        FluxSimulator flux = flux(api, FluxSimulator.Format.SHA1).head(OTHER);
        awaitWrite("Kustomization", o -> "True".equals(readyStatus(o)));
        flux.drain();
        alike(kustomization(api), "ks-ready-other-commit.yaml", fluxExpects(api, "Kustomization", KS), true);
        allWritesValid(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1", "v1beta2"})
    void fluxHealthCheckFailsOurCommitAfterAnEarlierOneApplied(String api) throws Exception {
        FluxSimulator flux = flux(api, FluxSimulator.Format.SHA1).head(OTHER);
        awaitWrite("Kustomization", o -> "True".equals(readyStatus(o)));
        flux.fail(KS, "HealthCheckFailed", "Health check failed after 5m0.06s: timeout waiting for: "
                + "[PackageInstall/apps/app status: 'InProgress']").head(OURS).tick();
        awaitWrite("Kustomization", o -> "False".equals(readyStatus(o)));
        flux.drain();
        alike(kustomization(api), "ks-health-failed.yaml", fluxExpects(api, "Kustomization", KS), true);
        allWritesValid(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1", "v1beta2"})
    void fluxStalled(String api) throws Exception {
        FluxSimulator flux = flux(api, FluxSimulator.Format.SHA1).stall(KS).head(OURS);
        awaitWrite("Kustomization", o -> "False".equals(readyStatus(o)));
        flux.drain();
        alike(kustomization(api), "ks-stalled.yaml", fluxExpects(api, "Kustomization", KS), true);
        allWritesValid(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1", "v1beta2"})
    void fluxSuspendedAfterApplyingOurCommit(String api) throws Exception {
        FluxSimulator flux = flux(api, FluxSimulator.Format.SHA1).head(OURS);
        awaitWrite("Kustomization", o -> "True".equals(readyStatus(o)));
        flux.drain();
        editSpec("kustomize.toolkit.fluxcd.io/" + api, "Kustomization", FLUX_NS, KS, "suspend", true);
        awaitWrite("Kustomization", o -> o.getMetadata().getGeneration() == 2 && observedGeneration(o) == 2);
        flux.drain();
        alike(kustomization(api), "ks-suspended.yaml", fluxExpects(api, "Kustomization", KS), true);
        allWritesValid(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1", "v1beta2"})
    void fluxStoppedBeforeANewGeneration(String api) throws Exception {
        FluxSimulator flux = flux(api, FluxSimulator.Format.SHA1).head(OURS);
        awaitWrite("Kustomization", o -> "True".equals(readyStatus(o)));
        flux.drain(); // the source's reconcile and the watch each queue one of the Kustomization: let both end
        flux.close();
        editSpec("kustomize.toolkit.fluxcd.io/" + api, "Kustomization", FLUX_NS, KS, "interval", "10m");
        alike(kustomization(api), "ks-stale-generation.yaml", fluxExpects(api, "Kustomization", KS), true);
        allWritesValid(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v1", "v1beta2"})
    void fluxWithoutAnArtifact(String api) throws Exception {
        FluxSimulator flux = flux(api, FluxSimulator.Format.SHA1);
        editSpec("kustomize.toolkit.fluxcd.io/" + api, "Kustomization", FLUX_NS, KS, "interval", "10m");
        awaitWrite("Kustomization", o -> "False".equals(readyStatus(o)));
        flux.drain();
        alike(kustomization(api), "ks-artifact-failed.yaml", fluxExpects(api, "Kustomization", KS), false);
        allWritesValid(api);
    }

    // ---- kapp-controller ----

    @Test
    void kappReconcilesOurVersion() throws Exception {
        kapp().delay(Duration.ofMillis(50));
        apply("1.2.3", false);
        awaitWrite("PackageInstall", o -> hasCondition(o, "ReconcileSucceeded"));
        alike(packageInstall(), "pkgi-ready.yaml", kappExpects("1.2.3"), true);
        alike(packageInstall(), "pkgi-ready.yaml", kappExpects("1.2.4"), true);
        GenericKubernetesResource reconciling = written.stream().filter(o -> hasCondition(o, "Reconciling"))
                .findFirst().orElseThrow();
        alike(map(reconciling), "pkgi-reconciling.yaml", kappExpects("1.2.3"), true);
        allWritesValid("v1");
    }

    @Test
    void kappStillAtThePreviousVersion() throws Exception {
        kapp();
        apply("1.2.2", false);
        awaitWrite("PackageInstall", o -> hasCondition(o, "ReconcileSucceeded"));
        alike(packageInstall(), "pkgi-old-version.yaml", kappExpects("1.2.3"), true);
        allWritesValid("v1");
    }

    @Test
    void kappFailsToDeployOurVersion() throws Exception {
        kapp().failVersion("1.2.3", "kapp: Error: Checking existance of resource service/simple-app (v1) namespace: "
                + "does-not-exist: services \"simple-app\" is forbidden");
        apply("1.2.3", false);
        awaitWrite("PackageInstall", o -> hasCondition(o, "ReconcileFailed"));
        alike(packageInstall(), "pkgi-failed.yaml", kappExpects("1.2.3"), true);
        alike(packageInstall(), "pkgi-failed-previous-version.yaml", kappExpects("1.2.4"), true);
        allWritesValid("v1");
    }

    @Test
    void kappRefusesADowngrade() throws Exception {
        KappSimulator kapp = kapp();
        apply("2.0.0", false);
        awaitWrite("PackageInstall", o -> hasCondition(o, "ReconcileSucceeded"));
        kapp.drain();
        apply("1.0.0", false);
        awaitWrite("PackageInstall", o -> hasCondition(o, "ReconcileFailed"));
        alike(packageInstall(), "pkgi-downgrade-refused.yaml", kappExpects("1.0.0"), true);
        allWritesValid("v1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"paused, pkgi-paused.yaml", "canceled, pkgi-canceled.yaml"})
    void kappLeftAloneByItsSpec(String field, String fixture) throws Exception {
        KappSimulator kapp = kapp();
        apply("1.2.3", false);
        awaitWrite("PackageInstall", o -> hasCondition(o, "ReconcileSucceeded"));
        kapp.drain();
        int before = written.size();
        editSpec(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", APP_NS, INSTALL, field, true);
        Await.until(WITHIN, "the kapp simulator noting generation 2", () -> written.size() > before);
        kapp.drain();
        alike(packageInstall(), fixture, kappExpects("1.2.3"), true);
        allWritesValid("v1");
    }

    @Test
    void kappStoppedBeforeANewGeneration() throws Exception {
        KappSimulator kapp = kapp();
        apply("1.2.3", false);
        awaitWrite("PackageInstall", o -> hasCondition(o, "ReconcileSucceeded"));
        kapp.drain();
        kapp.close();
        apply("1.2.4", false);
        alike(packageInstall(), "pkgi-stale-generation.yaml", kappExpects("1.2.3"), true);
        allWritesValid("v1");
    }

    // ---- the contract ----

    /**
     * The simulated object is judged as the fixture is: the same state, and the same rule (the message up to
     * the controller's own words, numbers aside); and, with {@code sameFields}, it has every status field the
     * fixture has.
     */
    private static void alike(Map<String, Object> simulated, String fixture, Expectation expectation,
            boolean sameFields) {
        Map<String, Object> real = ReadinessFixtures.load(fixture);
        Readiness ours = ReadinessRules.evaluate(simulated, expectation, RevisionHistory.EXACT);
        Readiness theirs = ReadinessRules.evaluate(real, expectation, RevisionHistory.EXACT);
        assertThat(rule(ours)).as("the simulator's %s judged like %s (%s)\nsimulated status: %s", ours, fixture,
                theirs, simulated.get("status")).isEqualTo(rule(theirs));
        if (sameFields) {
            assertThat(fields(simulated.get("status"), "status")).as("status fields of the simulator's object, "
                    + "against %s", fixture).containsAll(fields(real.get("status"), "status"));
        }
    }

    private static String rule(Readiness r) {
        String message = r.message();
        int words = message.indexOf(": ");
        return r.state() + " " + (words < 0 ? message : message.substring(0, words)).replaceAll("[0-9]+", "#");
    }

    private static TreeSet<String> fields(Object node, String path) {
        TreeSet<String> out = new TreeSet<>();
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                out.add(path + "." + k);
                out.addAll(fields(v, path + "." + k));
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> out.addAll(fields(item, path + "[]")));
        }
        return out;
    }

    /** Every object a simulator wrote passes the real CRD of its API version, undeclared fields included. */
    private void allWritesValid(String fluxApi) {
        assertThat(written).as("status writes of the simulator").isNotEmpty();
        for (GenericKubernetesResource o : written) {
            assertThat(crds(fluxApi).violations(map(o))).as("%s %s as the simulator wrote it: %s", o.getKind(),
                    o.getMetadata().getName(), o.getAdditionalProperties().get("status")).isEmpty();
        }
    }

    private CrdSchemas crds(String fluxApi) {
        if (crds == null) {
            crds = CrdSchemas.load(fluxApi.equals("v1") ? "flux-v2" : "flux-v0.41", "kapp-controller");
        }
        return crds;
    }

    // ---- driving ----

    private FluxSimulator flux(String api, FluxSimulator.Format format) {
        cluster.put(object("source.toolkit.fluxcd.io/" + api, "GitRepository", FLUX_NS, SOURCE, Map.of("interval",
                "30s", "url", "https://git.example.com/acme/gitops.git", "ref", Map.of("branch", "main"))));
        cluster.put(object("kustomize.toolkit.fluxcd.io/" + api, "Kustomization", FLUX_NS, KS, Map.of("interval",
                "5m", "path", "./app.default.tap/prod", "prune", true, "sourceRef", Map.of("kind", "GitRepository",
                        "name", SOURCE))));
        FluxSimulator flux = new FluxSimulator(cluster, api, FLUX_NS, "main", format);
        flux.onStatusWritten(written::add);
        open.add(flux);
        return flux.start();
    }

    private KappSimulator kapp() {
        KappSimulator kapp = new KappSimulator(cluster, APP_NS);
        kapp.onStatusWritten(written::add);
        open.add(kapp);
        return kapp.start();
    }

    private void apply(String version, boolean downgradable) {
        KappSimulator.applyPackageInstall(cluster, APP_NS, INSTALL, version, downgradable);
    }

    private void awaitWrite(String kind, Predicate<GenericKubernetesResource> what) throws InterruptedException {
        Await.until(WITHIN, () -> "a " + kind + " write as expected; written: " + written.stream()
                .map(o -> o.getKind() + " " + o.getAdditionalProperties().get("status")).toList(),
                () -> written.stream().anyMatch(o -> o.getKind().equals(kind) && what.test(o)));
    }

    private void editSpec(String apiVersion, String kind, String namespace, String name, String field, Object value) {
        cluster.client().genericKubernetesResources(MockCluster.context(apiVersion, kind)).inNamespace(namespace)
                .withName(name).edit(r -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
                    spec.put(field, value);
                    return r;
                });
    }

    private Map<String, Object> kustomization(String api) {
        return object("kustomize.toolkit.fluxcd.io/" + api, "Kustomization", FLUX_NS, KS);
    }

    private Map<String, Object> packageInstall() {
        return object(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", APP_NS, INSTALL);
    }

    private Map<String, Object> object(String apiVersion, String kind, String namespace, String name) {
        return map(cluster.get(apiVersion, kind, namespace, name));
    }

    private static Expectation fluxExpects(String api, String kind, String name) {
        String group = kind.equals("Kustomization") ? "kustomize.toolkit.fluxcd.io/" : "source.toolkit.fluxcd.io/";
        return new Expectation.FluxRevision("prod", new ObjectRef(group + api, kind, FLUX_NS, name), OURS);
    }

    private static Expectation kappExpects(String version) {
        return new Expectation.PackageVersion("prod", new ObjectRef(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall",
                APP_NS, INSTALL), version, false);
    }

    private static Map<String, Object> object(String apiVersion, String kind, String namespace, String name,
            Map<String, Object> spec) {
        return Map.of("apiVersion", apiVersion, "kind", kind, "metadata", Map.of("name", name, "namespace",
                namespace), "spec", spec);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(GenericKubernetesResource r) {
        return JSON.convertValue(r, Map.class);
    }

    private static String readyStatus(GenericKubernetesResource o) {
        Map<?, ?> c = condition(o, "Ready");
        return c == null ? null : String.valueOf(c.get("status"));
    }

    private static long observedGeneration(GenericKubernetesResource o) {
        return o.getAdditionalProperties().get("status") instanceof Map<?, ?> s
                && s.get("observedGeneration") instanceof Number n ? n.longValue() : -1;
    }

    private static boolean hasCondition(GenericKubernetesResource o, String type) {
        return condition(o, type) != null;
    }

    private static Map<?, ?> condition(GenericKubernetesResource o, String type) {
        if (o.getAdditionalProperties().get("status") instanceof Map<?, ?> s && s.get("conditions") instanceof List<?> l) {
            return l.stream().filter(c -> c instanceof Map<?, ?> m && type.equals(m.get("type"))).map(c -> (Map<?, ?>) c)
                    .findFirst().orElse(null);
        }
        return null;
    }
}
