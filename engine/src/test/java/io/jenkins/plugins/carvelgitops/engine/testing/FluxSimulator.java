package io.jenkins.plugins.carvelgitops.engine.testing;

import static io.jenkins.plugins.carvelgitops.engine.testing.SimulatedController.condition;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Moves GitRepository and Kustomization status the way Flux's source- and kustomize-controller do
 * (status semantics §1-2): on a new {@code reconcile.fluxcd.io/requestedAt} token or a spec change, the
 * GitRepository fetches the branch head and stores an artifact; each Kustomization then reports
 * Reconciling/Progressing, and after a delay Ready=True with {@code lastAppliedRevision}, or the
 * configured failure (Ready=False with Reconciling/ProgressingWithRetry, observedGeneration left behind).
 * Both API versions and both revision formats. Test-only.
 */
public final class FluxSimulator implements AutoCloseable {

    public enum Format {
        /** {@code main/<sha>}: source-controller before v0.35 (Flux before v0.40). */
        LEGACY,
        /** {@code main@sha1:<sha>}: source-controller v0.35 and later. */
        SHA1
    }

    private static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

    private final MockCluster cluster;
    private final String sourceApi;
    private final String kustomizeApi;
    private final String namespace;
    private final String branch;
    private final Format format;
    private final SimulatedController controller = new SimulatedController("flux-simulator");
    private final Map<String, String> handled = new ConcurrentHashMap<>();
    private final Map<String, String[]> failures = new ConcurrentHashMap<>();
    private final Map<String, Consumer<String>> onApplied = new ConcurrentHashMap<>();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();
    private volatile String head;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean reactToRequests = true;

    public FluxSimulator(MockCluster cluster, String apiVersion, String namespace, String branch, Format format) {
        this.cluster = cluster;
        this.sourceApi = "source.toolkit.fluxcd.io/" + apiVersion;
        this.kustomizeApi = "kustomize.toolkit.fluxcd.io/" + apiVersion;
        this.namespace = namespace;
        this.branch = branch;
        this.format = format;
    }

    /** The commit the branch points at, as source-controller would fetch it. */
    public FluxSimulator head(String sha) {
        this.head = sha;
        return this;
    }

    /** How long a Kustomization takes from Progressing to its result. */
    public FluxSimulator delay(Duration d) {
        this.delay = d;
        return this;
    }

    /** From now on the Kustomization fails with this Ready=False reason. */
    public FluxSimulator fail(String kustomization, String reason, String message) {
        failures.put(kustomization, new String[] {reason, message});
        return this;
    }

    /** From now on the Kustomization is Stalled (Flux 2.5+ terminal errors). */
    public FluxSimulator stall(String kustomization) {
        stalled.add(kustomization);
        return this;
    }

    /** Called with the commit SHA each time the Kustomization applies successfully (to deliver to a run cluster). */
    public FluxSimulator onApplied(String kustomization, Consumer<String> action) {
        onApplied.put(kustomization, action);
        return this;
    }

    /** False: ignore requestedAt annotations, as if Flux only acted on its interval (see {@link #tick()}). */
    public FluxSimulator reactToRequests(boolean value) {
        this.reactToRequests = value;
        return this;
    }

    public String revision(String sha) {
        return format == Format.LEGACY ? branch + "/" + sha : branch + "@sha1:" + sha;
    }

    public FluxSimulator start() {
        controller.watch(cluster.client(), sourceApi, "GitRepository", namespace, r -> changed("GitRepository", r));
        controller.watch(cluster.client(), kustomizeApi, "Kustomization", namespace, r -> changed("Kustomization", r));
        return this;
    }

    /** An interval tick: reconcile everything now. */
    public void tick() {
        controller.execute(this::reconcileAll);
    }

    /** {@link System#nanoTime()} when this simulator last wrote a status (0 before its first write). */
    public long lastWriteNanos() {
        return controller.lastWriteNanos();
    }

    /** When this simulator sent its last status write at or before {@code nanos}; 0 if none. */
    public long lastWriteSentBefore(long nanos) {
        return controller.lastWriteSentBefore(nanos);
    }

    /** Shows {@code observer} every object right after this simulator wrote its status. */
    void onStatusWritten(Consumer<GenericKubernetesResource> observer) {
        controller.onStatusWritten(observer);
    }

    private void changed(String kind, GenericKubernetesResource r) {
        String key = kind + "/" + r.getMetadata().getName();
        String marker = r.getMetadata().getGeneration() + "|" + (reactToRequests ? token(r) : null);
        if (!marker.equals(handled.put(key, marker))) {
            controller.execute(() -> reconcile(kind, r.getMetadata().getName()));
        }
    }

    private synchronized void reconcileAll() {
        for (GenericKubernetesResource r : cluster.client().genericKubernetesResources(
                MockCluster.context(sourceApi, "GitRepository")).inNamespace(namespace).list().getItems()) {
            reconcileSource(r.getMetadata().getName());
        }
    }

    private void reconcile(String kind, String name) {
        if (kind.equals("GitRepository")) {
            reconcileSource(name);
        } else {
            reconcileKustomization(name);
        }
    }

    private void reconcileSource(String name) {
        GenericKubernetesResource repo = cluster.get(sourceApi, "GitRepository", namespace, name);
        if (repo == null || head == null || suspended(repo)) {
            return;
        }
        long gen = repo.getMetadata().getGeneration();
        String rev = revision(head);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", gen);
        status.put("lastHandledReconcileAt", token(repo));
        status.put("artifact", artifact(name, rev));
        status.put("conditions", List.of(
                condition("Ready", "True", "Succeeded", "stored artifact for revision '" + rev + "'", gen),
                condition("ArtifactInStorage", "True", "Succeeded", "stored artifact for revision '" + rev + "'",
                        gen)));
        write(sourceApi, "GitRepository", name, status);
        for (GenericKubernetesResource ks : cluster.client().genericKubernetesResources(MockCluster.context(
                kustomizeApi, "Kustomization")).inNamespace(namespace).list().getItems()) {
            reconcileKustomization(ks.getMetadata().getName());
        }
    }

    private void reconcileKustomization(String name) {
        GenericKubernetesResource ks = cluster.get(kustomizeApi, "Kustomization", namespace, name);
        if (ks == null) {
            return;
        }
        long gen = ks.getMetadata().getGeneration();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("lastHandledReconcileAt", token(ks));
        if (suspended(ks)) {
            // The deferred status update still runs on a suspended object (status semantics 1.6).
            status.put("observedGeneration", gen);
            write(kustomizeApi, "Kustomization", name, status);
            return;
        }
        GenericKubernetesResource repo = cluster.client().genericKubernetesResources(MockCluster.context(sourceApi,
                "GitRepository")).inNamespace(namespace).list().getItems().stream().findFirst().orElse(null);
        String rev = repo == null ? null : revisionOf(repo);
        if (rev == null) {
            status.put("conditions", List.of(condition("Ready", "False", "ArtifactFailed",
                    "Source is not ready, artifact not found", gen)));
            write(kustomizeApi, "Kustomization", name, status);
            return;
        }
        Map<String, Object> progressing = new LinkedHashMap<>(status);
        progressing.put("conditions", List.of(
                condition("Reconciling", "True", "Progressing", "Fetching manifests for revision " + rev
                        + " with a timeout of 4m30s", gen),
                condition("Ready", "Unknown", "Progressing", "Reconciliation in progress", gen)));
        write(kustomizeApi, "Kustomization", name, progressing);
        SimulatedController.sleep(delay);
        if (stalled.contains(name)) {
            status.put("conditions", List.of(
                    condition("Stalled", "True", "AccessDenied", "cross-namespace references are not allowed", gen),
                    condition("Ready", "False", "AccessDenied", "cross-namespace references are not allowed", gen)));
        } else if (failures.containsKey(name)) {
            String[] f = failures.get(name);
            status.put("lastAttemptedRevision", rev);
            status.put("conditions", List.of(
                    condition("Reconciling", "True", "ProgressingWithRetry", "Running health checks for revision "
                            + rev + " with a timeout of 4m30s", gen),
                    condition("Ready", "False", f[0], f[1], gen)));
        } else {
            status.put("observedGeneration", gen);
            status.put("lastAppliedRevision", rev);
            status.put("lastAttemptedRevision", rev);
            status.put("conditions", List.of(condition("Ready", "True", "ReconciliationSucceeded",
                    "Applied revision: " + rev, gen)));
        }
        Consumer<String> hook = onApplied.get(name);
        if (hook != null && status.containsKey("lastAppliedRevision")) {
            // Flux applies the objects first and reports Ready afterwards.
            String sha = rev.substring(Math.max(rev.lastIndexOf(':'), rev.lastIndexOf('/')) + 1);
            hook.accept(sha);
        }
        write(kustomizeApi, "Kustomization", name, status);
    }

    @SuppressWarnings("unchecked")
    private static String revisionOf(GenericKubernetesResource repo) {
        Object status = repo.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> s && s.get("artifact") instanceof Map<?, ?> a) {
            return (String) a.get("revision");
        }
        return null;
    }

    private static boolean suspended(GenericKubernetesResource r) {
        return Boolean.TRUE.equals(SimulatedController.specField(r, "suspend"));
    }

    private static String token(GenericKubernetesResource r) {
        return SimulatedController.annotation(r, REQUESTED_AT);
    }

    /**
     * The artifact source-controller stores for {@code rev}: before v0.35 with a {@code checksum}, later with
     * the {@code digest} the v1 CRD requires; always with the path, URL and update time every version requires.
     */
    private Map<String, Object> artifact(String repository, String rev) {
        String path = "gitrepository/" + namespace + "/" + repository + "/" + head + ".tar.gz";
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("path", path);
        artifact.put("url", "http://source-controller.flux-system.svc.cluster.local./" + path);
        artifact.put("revision", rev);
        String sum = sha256(rev);
        artifact.put(format == Format.LEGACY ? "checksum" : "digest", format == Format.LEGACY ? sum : "sha256:" + sum);
        artifact.put("lastUpdateTime", SimulatedController.TIMESTAMP);
        artifact.put("size", 1024L);
        return artifact;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(String apiVersion, String kind, String name, Map<String, Object> status) {
        controller.writeStatus(cluster.client(), apiVersion, kind, namespace, name, status);
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
