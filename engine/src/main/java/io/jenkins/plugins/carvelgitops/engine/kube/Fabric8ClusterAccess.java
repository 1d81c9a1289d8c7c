package io.jenkins.plugins.carvelgitops.engine.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link ClusterAccess} over a fabric8 client, with generic resources only (no typed models). A request
 * that fails for now ({@link KubeRetry}) is tried again with back-off, honouring Retry-After, until it
 * succeeds or the next wait would pass the deadline; a watch that cannot start for such a reason is
 * started again the same way. fabric8's own retries are off: this is the one place that retries.
 *
 * <p>Requests run through {@link RetryingRequests} on the request threads {@link KubeClients} shares between
 * its clients; the blocking methods wait for them on the caller's thread.
 */
final class Fabric8ClusterAccess implements ClusterAccess {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KubernetesClient client;
    private final String label;
    private final RetryingRequests retrying;

    /**
     * @param answered whether this cluster has answered a request before (shared by every view of one client)
     * @param deadline when retrying stops
     * @param requests runs the requests (and their retries, after their wait)
     */
    Fabric8ClusterAccess(KubernetesClient client, String label, AtomicBoolean answered, Deadline deadline,
            Executor requests) {
        this(client, label, new RetryingRequests(label, answered, deadline, requests));
    }

    private Fabric8ClusterAccess(KubernetesClient client, String label, RetryingRequests retrying) {
        this.client = client;
        this.label = label;
        this.retrying = retrying;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public ClusterAccess within(Deadline until) {
        return new Fabric8ClusterAccess(client, label, retrying.within(until));
    }

    @Override
    public Optional<Map<String, Object>> get(ObjectRef ref) {
        return retrying.await(read(ref), "cannot read " + ref);
    }

    @Override
    public CompletableFuture<Optional<Map<String, Object>>> read(ObjectRef ref) {
        return retrying.run("cannot read " + ref, () -> Optional.ofNullable(resource(ref.apiVersion(), ref.kind(),
                ref.namespace()).withName(ref.name()).get()).map(Fabric8ClusterAccess::toMap));
    }

    @Override
    public Applied apply(Manifest manifest) {
        ObjectRef ref = ObjectRef.of(manifest);
        return retrying.await(retrying.run("cannot apply " + ref, () -> {
            Resource<GenericKubernetesResource> res = resource(ref.apiVersion(), ref.kind(), ref.namespace())
                    .withName(ref.name());
            GenericKubernetesResource before = res.get();
            GenericKubernetesResource desired = MAPPER.convertValue(manifest.body(), GenericKubernetesResource.class);
            GenericKubernetesResource after = resource(ref.apiVersion(), ref.kind(), ref.namespace()).resource(desired)
                    .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            Applied.Outcome outcome;
            if (before == null) {
                outcome = Applied.Outcome.CREATED;
            } else if (after != null && before.getMetadata().getResourceVersion() != null
                    && before.getMetadata().getResourceVersion().equals(after.getMetadata().getResourceVersion())) {
                outcome = Applied.Outcome.UNCHANGED;
            } else {
                outcome = Applied.Outcome.CONFIGURED;
            }
            return new Applied(ref, outcome);
        }), "cannot apply " + ref);
    }

    @Override
    public void annotate(ObjectRef ref, String key, String value) {
        Map<String, Object> patch = Map.of("metadata", Map.of("annotations", Map.of(key, value)));
        PatchContext context = PatchContext.of(PatchType.JSON_MERGE);
        context.setFieldManager(FIELD_MANAGER);
        String body;
        try {
            body = MAPPER.writeValueAsString(patch);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        retrying.await(retrying.run("cannot annotate " + ref, () -> resource(ref.apiVersion(), ref.kind(), ref.namespace())
                .withName(ref.name()).patch(context, body)), "cannot annotate " + ref);
    }

    @Override
    public ObjectWatch watch(String apiVersion, String kind, String namespace, WatchListener listener) {
        Watch watch = new Watch(apiVersion, kind, namespace, listener);
        watch.start(1);
        return watch::cancel;
    }

    /**
     * One watch: an informer that lists, then watches, and reconnects and lists again after a drop. When
     * it cannot start for a transient reason, a new one is started after the back-off (or Retry-After).
     */
    private final class Watch {
        private final String apiVersion;
        private final String kind;
        private final String namespace;
        private final WatchListener listener;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile SharedIndexInformer<GenericKubernetesResource> informer;

        Watch(String apiVersion, String kind, String namespace, WatchListener listener) {
            this.apiVersion = apiVersion;
            this.kind = kind;
            this.namespace = namespace;
            this.listener = listener;
        }

        void start(int attempt) {
            if (stopped.get()) {
                return;
            }
            SharedIndexInformer<GenericKubernetesResource> current;
            try {
                current = resource(apiVersion, kind, namespace).runnableInformer(0);
            } catch (KubernetesClientException e) {
                throw retrying.failure("cannot watch " + kind + " in " + namespace, e, false);
            }
            informer = current;
            current.addEventHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(GenericKubernetesResource obj) {
                    listener.changed(toMap(obj));
                }

                @Override
                public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                    listener.changed(toMap(newObj));
                }

                @Override
                public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                    listener.deleted(toMap(obj));
                }
            });
            current.exceptionHandler((started, t) -> {
                if (started && !stopped.get()) {
                    listener.interrupted(label + ": watch on " + kind + " in " + namespace + " dropped ("
                            + describe(t) + "); reconnecting");
                }
                // Once started, the informer reconnects and lists again by itself (with back-off) until
                // canceled. Before that, a failed list ends its start; start() decides what follows.
                return started;
            });
            current.start().whenComplete((ok, error) -> {
                if (stopped.get()) {
                    return;
                }
                if (error == null) {
                    retrying.answered();
                    listener.synced(current.getStore().list().stream().map(Fabric8ClusterAccess::toMap).toList());
                    return;
                }
                current.stop();
                boolean transientError = retrying.isTransient(error);
                String what = label + ": cannot list " + kind + " in namespace " + namespace + ": " + describe(error);
                Duration wait = RetryingRequests.delay(attempt, error);
                if (!transientError) {
                    listener.failed(what);
                } else if (retrying.deadline().allows(wait)) {
                    listener.interrupted(what + "; trying again in " + wait.toMillis() + " ms");
                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                            .execute(() -> start(attempt + 1));
                } else {
                    // Busy until the deadline: the caller's deadline ends the wait, not a failure.
                    listener.interrupted(what + "; no time left to try again");
                }
            });
        }

        void cancel() {
            if (stopped.compareAndSet(false, true)) {
                SharedIndexInformer<GenericKubernetesResource> current = informer;
                if (current != null) {
                    current.stop();
                }
            }
        }
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> resource(String apiVersion, String kind, String namespace) {
        var op = client.genericKubernetesResources(KubeKinds.context(apiVersion, kind));
        return namespace == null ? op : op.inNamespace(namespace);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(GenericKubernetesResource r) {
        return MAPPER.convertValue(r, LinkedHashMap.class);
    }

    /** One line about a client error: the API server's status message, or the root cause. */
    static String describe(Throwable t) {
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
            return k.getCode() + " " + Text.oneLine(k.getStatus().getMessage(), " ");
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : Text.oneLine(m, " ");
    }

}
