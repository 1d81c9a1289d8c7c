package io.jenkins.plugins.carvelgitops.engine.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Moves PackageInstall status the way kapp-controller does (status semantics §3): at a new generation,
 * {@code Reconciling} with observedGeneration, version and lastAttemptedVersion set; after a delay
 * exactly one condition, {@code ReconcileSucceeded} or {@code ReconcileFailed} with usefulErrorMessage.
 * A downgrade without the {@code packaging.carvel.dev/downgradable} annotation is refused with
 * kapp-controller's hint; a paused or canceled PackageInstall only gets its observedGeneration. Test-only.
 */
public final class KappSimulator implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final SimulatedController controller = new SimulatedController("kapp-simulator");
    private final Map<String, Long> handled = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, String> selectInstead = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    public KappSimulator(MockCluster cluster, String namespace) {
        this(cluster.client(), namespace);
    }

    /** A simulator acting as a client of any API server (a real one where kapp-controller cannot run). */
    public KappSimulator(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public KappSimulator delay(Duration d) {
        this.delay = d;
        return this;
    }

    /** Deploying this version fails with this kapp error. */
    public KappSimulator failVersion(String version, String kappError) {
        failures.put(version, kappError);
        return this;
    }

    /** Version selection picks {@code actual} when the constraint asks for {@code wanted}. */
    public KappSimulator selectInstead(String wanted, String actual) {
        selectInstead.put(wanted, actual);
        return this;
    }

    public KappSimulator start() {
        controller.watch(client, KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", namespace, r -> {
            long gen = r.getMetadata().getGeneration();
            Long before = handled.put(r.getMetadata().getName(), gen);
            if (before == null || before != gen) {
                controller.execute(() -> reconcile(r.getMetadata().getName()));
            }
        });
        return this;
    }

    /** Sets {@code spec.paused} (what {@code kctrl package installed pause} does). */
    @SuppressWarnings("unchecked")
    public static void pause(MockCluster cluster, String namespace, String name) {
        cluster.client().genericKubernetesResources(MockCluster.context(KubeKinds.PACKAGE_INSTALL_API,
                "PackageInstall")).inNamespace(namespace).withName(name).edit(r -> {
                    ((Map<String, Object>) r.getAdditionalProperties().get("spec")).put("paused", true);
                    return r;
                });
    }

    /** What Flux does when it applies {@code <stage>/packageinstall.yaml}: create or update the PackageInstall. */
    public static void applyPackageInstall(MockCluster cluster, String namespace, String name, String version,
            boolean downgradable) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        if (downgradable) {
            metadata.put("annotations", Map.of("packaging.carvel.dev/downgradable", ""));
        }
        Map<String, Object> pkgi = new LinkedHashMap<>();
        pkgi.put("apiVersion", KubeKinds.PACKAGE_INSTALL_API);
        pkgi.put("kind", "PackageInstall");
        pkgi.put("metadata", metadata);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("serviceAccountName", "app-installer");
        spec.put("packageRef", Map.of("refName", "app.default.tap", "versionSelection", Map.of("constraints",
                version)));
        GenericKubernetesResource existing = cluster.get(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", namespace,
                name);
        if (existing != null && existing.getAdditionalProperties().get("spec") instanceof Map<?, ?> old) {
            // Fields Flux does not manage (set by someone else) survive its server-side apply.
            for (String key : new String[] {"paused", "canceled"}) {
                if (old.get(key) != null) {
                    spec.put(key, old.get(key));
                }
            }
        }
        pkgi.put("spec", spec);
        cluster.put(pkgi);
    }

    @SuppressWarnings("unchecked")
    private void reconcile(String name) {
        GenericKubernetesResource r = MockCluster.get(client, KubeKinds.PACKAGE_INSTALL_API, "PackageInstall",
                namespace, name);
        if (r == null) {
            return;
        }
        long gen = r.getMetadata().getGeneration();
        Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
        Object current = r.getAdditionalProperties().get("status");
        Map<String, Object> old = current instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", gen);
        if (Boolean.TRUE.equals(spec.get("paused")) || Boolean.TRUE.equals(spec.get("canceled"))) {
            patch(name, status);
            return;
        }
        String wanted = (String) ((Map<String, Object>) ((Map<String, Object>) spec.get("packageRef"))
                .get("versionSelection")).get("constraints");
        String selected = selectInstead.getOrDefault(wanted, wanted);
        String lastAttempted = (String) old.get("lastAttemptedVersion");
        status.put("conditions", List.of(Map.of("type", "Reconciling", "status", "True")));
        status.put("friendlyDescription", "Reconciling");
        status.put("usefulErrorMessage", null);
        status.put("version", selected);
        boolean downgradable = r.getMetadata().getAnnotations() != null
                && r.getMetadata().getAnnotations().containsKey("packaging.carvel.dev/downgradable");
        if (lastAttempted != null && !downgradable
                && Semver.parse(selected).compareTo(Semver.parse(lastAttempted)) < 0) {
            status.put("conditions", List.of(failed()));
            status.put("friendlyDescription", "Reconcile failed: Error (see .status.usefulErrorMessage for details)");
            status.put("usefulErrorMessage", "Stopped installing matched version '" + selected + "' since last "
                    + "attempted version '" + lastAttempted + "' is higher.\nhint: Add annotation "
                    + "packaging.carvel.dev/downgradable: \"\" to PackageInstall to proceed with downgrade");
            patch(name, status);
            return;
        }
        status.put("lastAttemptedVersion", selected);
        patch(name, status);
        SimulatedController.sleep(delay);
        Map<String, Object> result = new LinkedHashMap<>();
        String error = failures.get(selected);
        if (error != null) {
            result.put("conditions", List.of(failed()));
            result.put("friendlyDescription", "Reconcile failed: Error (see .status.usefulErrorMessage for details)");
            result.put("usefulErrorMessage", error);
        } else {
            result.put("conditions", List.of(Map.of("type", "ReconcileSucceeded", "status", "True")));
            result.put("friendlyDescription", "Reconcile succeeded");
        }
        patch(name, result);
    }

    private static Map<String, Object> failed() {
        return Map.of("type", "ReconcileFailed", "status", "True", "message",
                "Error (see .status.usefulErrorMessage for details)");
    }

    private void patch(String name, Map<String, Object> status) {
        controller.writeStatus(client, KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", namespace, name, status);
    }

    /** {@link System#nanoTime()} when this simulator last wrote a status (0 before its first write). */
    public long lastWriteNanos() {
        return controller.lastWriteNanos();
    }

    /** When this simulator sent its last status write at or before {@code nanos}; 0 if none. */
    public long lastWriteSentBefore(long nanos) {
        return controller.lastWriteSentBefore(nanos);
    }

    /** Shows {@code observer} every PackageInstall right after this simulator wrote its status. */
    void onStatusWritten(Consumer<GenericKubernetesResource> observer) {
        controller.onStatusWritten(observer);
    }

    /** Waits until everything this simulator has been asked to do so far is done. */
    public void drain() {
        controller.drain();
    }

    @Override
    public void close() {
        controller.close();
    }
}
