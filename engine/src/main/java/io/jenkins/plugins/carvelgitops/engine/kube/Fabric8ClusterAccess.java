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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link ClusterAccess} over a fabric8 client, with generic resources only (no typed models). */
final class Fabric8ClusterAccess implements ClusterAccess {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KubernetesClient client;
    private final String label;

    Fabric8ClusterAccess(KubernetesClient client, String label) {
        this.client = client;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Optional<Map<String, Object>> get(ObjectRef ref) {
        try {
            GenericKubernetesResource r = resource(ref.apiVersion(), ref.kind(), ref.namespace()).withName(ref.name())
                    .get();
            return Optional.ofNullable(r).map(Fabric8ClusterAccess::toMap);
        } catch (KubernetesClientException e) {
            throw failure("cannot read " + ref, e);
        }
    }

    @Override
    public Applied apply(Manifest manifest) {
        ObjectRef ref = ObjectRef.of(manifest);
        try {
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
        } catch (KubernetesClientException e) {
            throw failure("cannot apply " + ref, e);
        }
    }

    @Override
    public void annotate(ObjectRef ref, String key, String value) {
        Map<String, Object> patch = Map.of("metadata", Map.of("annotations", Map.of(key, value)));
        PatchContext context = PatchContext.of(PatchType.JSON_MERGE);
        context.setFieldManager(FIELD_MANAGER);
        try {
            resource(ref.apiVersion(), ref.kind(), ref.namespace()).withName(ref.name())
                    .patch(context, MAPPER.writeValueAsString(patch));
        } catch (KubernetesClientException e) {
            throw failure("cannot annotate " + ref, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ObjectWatch watch(String apiVersion, String kind, String namespace, WatchListener listener) {
        SharedIndexInformer<GenericKubernetesResource> informer;
        try {
            informer = resource(apiVersion, kind, namespace).runnableInformer(0);
        } catch (KubernetesClientException e) {
            throw failure("cannot watch " + kind + " in " + namespace, e);
        }
        AtomicBoolean stopped = new AtomicBoolean();
        informer.addEventHandler(new ResourceEventHandler<>() {
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
        informer.exceptionHandler((started, t) -> {
            if (started && !stopped.get()) {
                listener.interrupted(label + ": watch on " + kind + " in " + namespace + " dropped ("
                        + describe(t) + "); reconnecting");
            }
            return started;
        });
        informer.start().whenComplete((ok, error) -> {
            if (stopped.get()) {
                return;
            }
            if (error != null) {
                listener.failed(label + ": cannot list " + kind + " in namespace " + namespace + ": " + describe(error));
            } else {
                listener.synced(informer.getStore().list().stream().map(Fabric8ClusterAccess::toMap).toList());
            }
        });
        return () -> {
            if (stopped.compareAndSet(false, true)) {
                informer.stop();
            }
        };
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

    private ClusterException failure(String what, KubernetesClientException e) {
        return new ClusterException(label + ": " + what + ": " + describe(e), e);
    }

    /** One line about a client error: the API server's status message, or the root cause. */
    static String describe(Throwable t) {
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
            return k.getCode() + " " + k.getStatus().getMessage().replaceAll("\\s+", " ");
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return (m == null ? root.getClass().getSimpleName() : m).replaceAll("\\s+", " ");
    }

}
