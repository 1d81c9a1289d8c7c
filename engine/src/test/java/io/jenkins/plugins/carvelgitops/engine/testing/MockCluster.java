package io.jenkins.plugins.carvelgitops.engine.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode, reached over real HTTP, plus
 * what that mock lacks: server-side apply (create when absent, merge when present, and no change at all
 * when the result is the same, as a real API server does). Optionally reached through a {@link TcpProxy}
 * so a test can drop every connection or make the server unreachable.
 */
public final class MockCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final TcpProxy proxy;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private MockCluster(boolean viaProxy) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new ApplyingDispatcher(),
                false);
        server.init();
        proxy = viaProxy ? new TcpProxy(server.getPort()) : null;
        client = new KubernetesClientBuilder().withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(null,
                kubeconfigFor(server.getPort()), null)).build();
    }

    public static MockCluster start() {
        return new MockCluster(false);
    }

    /** A cluster whose clients connect through a proxy the test controls. */
    public static MockCluster startBehindProxy() {
        return new MockCluster(true);
    }

    /** A client straight to the server (for simulators and assertions; never through the proxy). */
    public KubernetesClient client() {
        return client;
    }

    /** The kubeconfig that code under test uses (through the proxy when there is one). */
    public KubeconfigAuth kubeconfig() {
        return new KubeconfigAuth(kubeconfigFor(proxy != null ? proxy.port() : server.getPort()));
    }

    public TcpProxy proxy() {
        return Objects.requireNonNull(proxy, "not started behind a proxy");
    }

    /** Request lines seen so far ({@code PATCH /apis/...?fieldManager=...}). */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** A kubeconfig naming a server on this port, with a token that must never show up in output. */
    public static String kubeconfigFor(int port) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: http://localhost:%d
                users:
                - name: test
                  user:
                    token: kubeconfig-secret-token-%d
                contexts:
                - name: test
                  context: {cluster: test, user: test}
                current-context: test
                """.formatted(port, port);
    }

    public static ResourceDefinitionContext context(String apiVersion, String kind) {
        return KubeKinds.context(apiVersion, kind);
    }

    public GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
        var op = client.genericKubernetesResources(context(apiVersion, kind));
        return (namespace == null ? op.withName(name) : op.inNamespace(namespace).withName(name)).get();
    }

    /** Creates or replaces an object from a map (spec and status as given). */
    @SuppressWarnings("unchecked")
    public void put(Map<String, Object> object) {
        GenericKubernetesResource r = JSON.convertValue(object, GenericKubernetesResource.class);
        String apiVersion = r.getApiVersion();
        var op = client.genericKubernetesResources(context(apiVersion, r.getKind()));
        var res = r.getMetadata().getNamespace() == null ? op.resource(r)
                : op.inNamespace(r.getMetadata().getNamespace()).resource(r);
        GenericKubernetesResource existing = get(apiVersion, r.getKind(), r.getMetadata().getNamespace(),
                r.getMetadata().getName());
        for (int attempt = 0; existing != null; attempt++) {
            // As with a status subresource: an update of the object leaves its status alone. A controller
            // may write the status meanwhile: then read again and retry, as a client of a real server does.
            r.setAdditionalProperty("status", existing.getAdditionalProperties().get("status"));
            r.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            try {
                res.update();
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt > 20) {
                    throw e;
                }
                existing = get(apiVersion, r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName());
            }
        }
        r.getAdditionalProperties().remove("status");
        res.create();
        Object status = object.get("status");
        if (status instanceof Map<?, ?>) {
            patchStatus(apiVersion, r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName(),
                    (Map<String, Object>) status);
        }
    }

    /**
     * Merges {@code status} into the object's status the way a JSON merge patch does (lists replaced,
     * nulls removed) and writes the whole status through the status subresource, retrying on conflicts.
     */
    @SuppressWarnings("unchecked")
    public synchronized void patchStatus(String apiVersion, String kind, String namespace, String name,
            Map<String, Object> status) {
        var op = client.genericKubernetesResources(context(apiVersion, kind));
        for (int attempt = 0; ; attempt++) {
            GenericKubernetesResource current = get(apiVersion, kind, namespace, name);
            if (current == null) {
                throw new IllegalStateException(kind + " " + name + " does not exist");
            }
            Object old = current.getAdditionalProperties().get("status");
            Map<String, Object> merged = old instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            mergeInto(merged, status);
            current.setAdditionalProperty("status", merged);
            try {
                (namespace == null ? op.resource(current) : op.inNamespace(namespace).resource(current)).updateStatus();
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt > 20) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        client.close();
        if (proxy != null) {
            proxy.close();
        }
        server.destroy();
    }

    /** The CRUD dispatcher plus server-side apply. */
    private final class ApplyingDispatcher extends KubernetesCrudDispatcher {

        ApplyingDispatcher() {
            super(List.of());
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request.getMethod() + " " + request.getPath());
            return super.dispatch(request);
        }

        @Override
        public MockResponse handlePatch(RecordedRequest request) {
            String type = request.getHeader("Content-Type");
            if (type == null || !type.startsWith("application/apply-patch")) {
                return super.handlePatch(request);
            }
            String path = request.getPath().replaceAll("\\?.*$", "");
            String body = request.getUtf8Body();
            AttributeSet key = getKey(path);
            Map.Entry<AttributeSet, String> current = findResource(key);
            if (current == null) {
                String collection = path.substring(0, path.lastIndexOf('/'));
                return handleCreate(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collection, json(), buffer(body)));
            }
            Map<String, Object> before = parse(current.getValue());
            Map<String, Object> merged = mergeInto(deepCopy(before), parse(body));
            if (comparable(merged).equals(comparable(before))) {
                return new MockResponse().setResponseCode(200).setBody(current.getValue());
            }
            return handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, path, json(),
                    buffer(writeJson(merged))));
        }

        private Headers json() {
            return Headers.builder().add("Content-Type", "application/json").build();
        }

        private Buffer buffer(String s) {
            return new Buffer(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeInto(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            if (e.getValue() == null) {
                target.remove(e.getKey());
            } else if (e.getValue() instanceof Map<?, ?> pm && target.get(e.getKey()) instanceof Map<?, ?> tm) {
                mergeInto((Map<String, Object>) tm, (Map<String, Object>) pm);
            } else {
                target.put(e.getKey(), e.getValue());
            }
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        return parse(writeJson(m));
    }

    private static String writeJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Map<String, Object> object) {
        Map<String, Object> copy = deepCopy(object);
        if (copy.get("metadata") instanceof Map<?, ?> md) {
            ((Map<String, Object>) md).keySet().removeAll(List.of("resourceVersion", "managedFields", "generation",
                    "creationTimestamp", "uid"));
        }
        return copy;
    }
}
