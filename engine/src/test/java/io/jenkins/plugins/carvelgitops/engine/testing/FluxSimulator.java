package io.jenkins.plugins.carvelgitops.engine.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-flux-simulator");
        t.setDaemon(true);
        return t;
    });
    private final List<Watch> watches = new ArrayList<>();
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
        watches.add(cluster.client().genericKubernetesResources(MockCluster.context(sourceApi, "GitRepository"))
                .inNamespace(namespace).watch(watcher("GitRepository")));
        watches.add(cluster.client().genericKubernetesResources(MockCluster.context(kustomizeApi, "Kustomization"))
                .inNamespace(namespace).watch(watcher("Kustomization")));
        return this;
    }

    /** An interval tick: reconcile everything now. */
    public void tick() {
        executor.execute(this::reconcileAll);
    }

    private Watcher<GenericKubernetesResource> watcher(String kind) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource r) {
                if (action == Action.DELETED || action == Action.ERROR) {
                    return;
                }
                String token = r.getMetadata().getAnnotations() == null ? null
                        : r.getMetadata().getAnnotations().get(REQUESTED_AT);
                String key = kind + "/" + r.getMetadata().getName();
                String marker = r.getMetadata().getGeneration() + "|" + (reactToRequests ? token : null);
                if (!marker.equals(handled.put(key, marker))) {
                    executor.execute(() -> reconcile(kind, r.getMetadata().getName(), true));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
    }

    private synchronized void reconcileAll() {
        for (GenericKubernetesResource r : cluster.client().genericKubernetesResources(
                MockCluster.context(sourceApi, "GitRepository")).inNamespace(namespace).list().getItems()) {
            reconcile("GitRepository", r.getMetadata().getName(), true);
        }
    }

    private void reconcile(String kind, String name, boolean cascade) {
        try {
            if (kind.equals("GitRepository")) {
                reconcileSource(name, cascade);
            } else {
                reconcileKustomization(name);
            }
        } catch (RuntimeException e) {
            // object deleted meanwhile, or the test is over
            System.err.println("simulator: " + e + " cause " + e.getCause());
        }
    }

    private void reconcileSource(String name, boolean cascade) {
        GenericKubernetesResource repo = cluster.get(sourceApi, "GitRepository", namespace, name);
        if (repo == null || head == null || suspended(repo)) {
            return;
        }
        long gen = repo.getMetadata().getGeneration();
        String rev = revision(head);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", gen);
        status.put("lastHandledReconcileAt", token(repo));
        status.put("artifact", Map.of("revision", rev, "path", "gitrepository/" + namespace + "/" + name + "/" + head
                + ".tar.gz"));
        status.put("conditions", List.of(
                condition("Ready", "True", "Succeeded", "stored artifact for revision '" + rev + "'", gen),
                condition("ArtifactInStorage", "True", "Succeeded", "stored artifact for revision '" + rev + "'",
                        gen)));
        cluster.patchStatus(sourceApi, "GitRepository", namespace, name, status);
        if (cascade) {
            for (GenericKubernetesResource ks : cluster.client().genericKubernetesResources(MockCluster.context(
                    kustomizeApi, "Kustomization")).inNamespace(namespace).list().getItems()) {
                reconcileKustomization(ks.getMetadata().getName());
            }
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
            cluster.patchStatus(kustomizeApi, "Kustomization", namespace, name, status);
            return;
        }
        GenericKubernetesResource repo = cluster.client().genericKubernetesResources(MockCluster.context(sourceApi,
                "GitRepository")).inNamespace(namespace).list().getItems().stream().findFirst().orElse(null);
        String rev = repo == null ? null : revisionOf(repo);
        if (rev == null) {
            status.put("conditions", List.of(condition("Ready", "False", "ArtifactFailed",
                    "Source is not ready, artifact not found", gen)));
            cluster.patchStatus(kustomizeApi, "Kustomization", namespace, name, status);
            return;
        }
        Map<String, Object> progressing = new LinkedHashMap<>(status);
        progressing.put("conditions", List.of(
                condition("Reconciling", "True", "Progressing", "Fetching manifests for revision " + rev
                        + " with a timeout of 4m30s", gen),
                condition("Ready", "Unknown", "Progressing", "Reconciliation in progress", gen)));
        cluster.patchStatus(kustomizeApi, "Kustomization", namespace, name, progressing);
        sleep(delay);
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
        cluster.patchStatus(kustomizeApi, "Kustomization", namespace, name, status);
    }

    @SuppressWarnings("unchecked")
    private static String revisionOf(GenericKubernetesResource repo) {
        Object status = repo.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> s && s.get("artifact") instanceof Map<?, ?> a) {
            return (String) a.get("revision");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static boolean suspended(GenericKubernetesResource r) {
        Object spec = r.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> s && Boolean.TRUE.equals(s.get("suspend"));
    }

    private static String token(GenericKubernetesResource r) {
        return r.getMetadata().getAnnotations() == null ? null : r.getMetadata().getAnnotations().get(REQUESTED_AT);
    }

    static Map<String, Object> condition(String type, String status, String reason, String message, long gen) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("status", status);
        c.put("reason", reason);
        c.put("message", message);
        c.put("observedGeneration", gen);
        c.put("lastTransitionTime", "2026-01-01T00:00:00Z");
        return c;
    }

    static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis()); // the simulated controller's own delay
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything this simulator has been asked to do so far is done. */
    public void drain() {
        try {
            executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
