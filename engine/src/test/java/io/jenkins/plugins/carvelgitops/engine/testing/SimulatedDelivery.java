package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest.StageTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole delivery on simulated clusters: a build cluster with the GitRepository and two Kustomizations
 * per stage, run clusters with kapp-controller, and the glue Flux provides (a successful
 * {@code -packageinstalls} Kustomization creates or updates the stage's PackageInstall on its run
 * cluster at the version the commit holds). Test-only.
 */
public final class SimulatedDelivery implements AutoCloseable {

    public static final String PACKAGE = "app.default.tap";
    public static final String FLUX_NS = "build-ns";
    public static final String APP_NS = "apps";
    public static final String INSTALL = "app";

    public final MockCluster build;
    public final FluxSimulator flux;
    public final List<String> stages;
    private final String apiVersion;
    private final Map<String, MockCluster> runByStage = new LinkedHashMap<>();
    private final Map<MockCluster, KappSimulator> kapps = new LinkedHashMap<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> downgradable = new ConcurrentHashMap<>();

    /**
     * @param runClusters how many run clusters the stages are spread over (round robin)
     * @param behindProxy whether clients reach the clusters through {@link FaultProxy}s
     */
    public SimulatedDelivery(String apiVersion, FluxSimulator.Format format, List<String> stages, int runClusters,
            boolean behindProxy) {
        this.apiVersion = apiVersion;
        this.stages = List.copyOf(stages);
        build = behindProxy ? MockCluster.startBehindProxy() : MockCluster.start();
        List<MockCluster> runs = new ArrayList<>();
        for (int i = 0; i < runClusters; i++) {
            MockCluster run = behindProxy ? MockCluster.startBehindProxy() : MockCluster.start();
            runs.add(run);
            kapps.put(run, new KappSimulator(run, APP_NS).start());
        }
        for (int i = 0; i < stages.size(); i++) {
            runByStage.put(stages.get(i), runs.get(i % runs.size()));
        }
        flux = new FluxSimulator(build, apiVersion, FLUX_NS, "main", format);
        createFluxObjects();
        for (String stage : stages) {
            flux.onApplied(packageInstalls(stage), sha -> {
                String version = versions.get(stage);
                if (version != null) {
                    KappSimulator.applyPackageInstall(run(stage), APP_NS, install(stage), version,
                            downgradable.getOrDefault(stage, false));
                }
            });
        }
        flux.start();
    }

    public static String packages(String stage) {
        return PACKAGE + "-" + stage + "-packages";
    }

    public static String packageInstalls(String stage) {
        return PACKAGE + "-" + stage + "-packageinstalls";
    }

    /** The PackageInstall name of a stage: {@value #INSTALL}, or {@code app-<stage>} when stages share a cluster. */
    public String install(String stage) {
        return stages.size() > kapps.size() ? INSTALL + "-" + stage : INSTALL;
    }

    public MockCluster run(String stage) {
        return runByStage.get(stage);
    }

    public KappSimulator kapp(String stage) {
        return kapps.get(run(stage));
    }

    public List<MockCluster> runClusters() {
        return List.copyOf(kapps.keySet());
    }

    /** The commit being delivered holds this version for the stage. */
    public SimulatedDelivery deliver(String stage, String version) {
        versions.put(stage, version);
        return this;
    }

    public SimulatedDelivery downgradable(String stage) {
        downgradable.put(stage, true);
        return this;
    }

    /** A request verifying every stage at the versions given with {@link #deliver}. */
    public VerifyRequest request(String sha, Duration timeout, boolean reconcile) {
        List<StageTarget> targets = new ArrayList<>();
        for (String stage : stages) {
            targets.add(new StageTarget(stage, List.of(packages(stage), packageInstalls(stage)), APP_NS, install(stage),
                    versions.getOrDefault(stage, "0.0.0"), run(stage).kubeconfig()));
        }
        return new VerifyRequest(build.kubeconfig(), apiVersion, FLUX_NS, PACKAGE + "-gitops-repo", sha, targets,
                timeout, reconcile, false);
    }

    private void createFluxObjects() {
        build.put(object("source.toolkit.fluxcd.io/" + apiVersion, "GitRepository", PACKAGE + "-gitops-repo",
                Map.of("interval", "30s", "url", "https://git.example.com/acme/gitops.git", "ref", Map.of("branch",
                        "main"))));
        for (String stage : stages) {
            for (String name : List.of(packages(stage), packageInstalls(stage))) {
                build.put(object("kustomize.toolkit.fluxcd.io/" + apiVersion, "Kustomization", name,
                        Map.of("interval", "5m", "path", "./" + PACKAGE + "/" + stage, "prune", true,
                                "sourceRef", Map.of("kind", "GitRepository", "name", PACKAGE + "-gitops-repo"))));
            }
        }
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, Object> spec) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.put("metadata", Map.of("name", name, "namespace", FLUX_NS));
        o.put("spec", spec);
        return o;
    }

    /** Sets a field of a Flux object's spec (suspend, for example). */
    public void setKustomizationSpec(String name, String key, Object value) {
        var op = build.client().genericKubernetesResources(MockCluster.context("kustomize.toolkit.fluxcd.io/"
                + apiVersion, "Kustomization")).inNamespace(FLUX_NS).withName(name);
        op.edit(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
            spec.put(key, value);
            return r;
        });
    }

    public static String pkgiApi() {
        return KubeKinds.PACKAGE_INSTALL_API;
    }

    @Override
    public void close() {
        flux.close();
        kapps.values().forEach(KappSimulator::close);
        kapps.keySet().forEach(MockCluster::close);
        build.close();
    }
}
