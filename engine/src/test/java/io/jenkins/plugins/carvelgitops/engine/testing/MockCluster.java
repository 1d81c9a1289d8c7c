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
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode, reached over real HTTP, plus
 * what that mock lacks: server-side apply (create when absent, merge when present, and no change at all
 * when the result is the same, as a real API server does). Faults for the code under test: HTTP errors
 * (500, 429 with Retry-After), slow responses, a restart (stopped, then started on the same port with the
 * same objects), and, when reached through a {@link FaultProxy}, dropped connections. The simulators'
 * own client (marked with a header) never sees the HTTP faults.
 */
public final class MockCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The header that marks the simulators' own requests: they are exempt from injected faults. */
    private static final String SIMULATOR = "X-Test-Simulator";

    private volatile KubernetesMockServer server;
    private final ApplyingDispatcher dispatcher = new ApplyingDispatcher();
    private final int port;
    private final KubernetesClient client;
    private final FaultProxy proxy;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Served> served = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration slow = Duration.ZERO;

    /** An object body the code under test sent (POST, PUT or PATCH), as the server received it. */
    public record Write(String method, String path, String body) {
    }

    /** A response the code under test got: when (System.nanoTime), for what, with which status. */
    public record Served(long nanos, String request, int code) {
    }

    /** Answer {@code count} requests whose line contains {@code match} with {@code code}. */
    private static final class Fault {
        final String match;
        final int code;
        final int retryAfterSeconds;
        final AtomicInteger left;

        Fault(String match, int code, int retryAfterSeconds, int count) {
            this.match = match;
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
            this.left = new AtomicInteger(count);
        }
    }

    private MockCluster(boolean viaProxy) {
        server = newServer();
        server.init();
        port = server.getPort();
        proxy = viaProxy ? FaultProxy.start(port) : null;
        io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(null,
                kubeconfigFor(port), null);
        config.setCustomHeaders(Map.of(SIMULATOR, "true"));
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    private KubernetesMockServer newServer() {
        return new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    }

    /**
     * Answers the next {@code count} requests of the code under test whose request line contains
     * {@code match} (e.g. {@code "GET /apis/kustomize"}, or {@code ""} for any) with {@code code}. A 429 comes
     * as a throttling filter sends it (a plain-text body and a Retry-After header); a 5xx as the API server's
     * JSON Status, with Retry-After when {@code retryAfterSeconds > 0}.
     */
    public MockCluster failNext(int count, String match, int code, int retryAfterSeconds) {
        faults.add(new Fault(match, code, retryAfterSeconds, count));
        return this;
    }

    /** Delays every response to the code under test by {@code delay} (zero for none). */
    public MockCluster slow(Duration delay) {
        this.slow = delay;
        return this;
    }

    /** Stops the API server, then starts a new one on the same port with the same objects. */
    public synchronized void restart() {
        server.destroy();
        KubernetesMockServer next = newServer();
        for (int attempt = 0; ; attempt++) {
            try {
                next.init(java.net.InetAddress.getByName("localhost"), port);
                break;
            } catch (RuntimeException | java.net.UnknownHostException e) {
                if (attempt > 50) {
                    throw new IllegalStateException("cannot restart on port " + port, e);
                }
                try {
                    Thread.sleep(100); // until the old server has let go of the port
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        server = next;
    }

    /** The responses the code under test got so far. */
    public List<Served> served() {
        synchronized (served) {
            return List.copyOf(served);
        }
    }

    /** Every object body the code under test sent so far. */
    public List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
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
        return new KubeconfigAuth(kubeconfigFor(proxy != null ? proxy.port() : port));
    }

    /** The port code under test connects to (the proxy's when there is one). */
    public int port() {
        return proxy != null ? proxy.port() : port;
    }

    public FaultProxy proxy() {
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
        return get(client, apiVersion, kind, namespace, name);
    }

    /** Reads one object through any client: this mock server's or a real API server's. */
    public static GenericKubernetesResource get(KubernetesClient client, String apiVersion, String kind,
            String namespace, String name) {
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
    public synchronized void patchStatus(String apiVersion, String kind, String namespace, String name,
            Map<String, Object> status) {
        patchStatus(client, apiVersion, kind, namespace, name, status);
    }

    /** {@link #patchStatus(String, String, String, String, Map)} through any client; returns the object as written. */
    @SuppressWarnings("unchecked")
    public static GenericKubernetesResource patchStatus(KubernetesClient client, String apiVersion, String kind, String namespace,
            String name, Map<String, Object> status) {
        var op = client.genericKubernetesResources(context(apiVersion, kind));
        for (int attempt = 0; ; attempt++) {
            GenericKubernetesResource current = get(client, apiVersion, kind, namespace, name);
            if (current == null) {
                throw new IllegalStateException(kind + " " + name + " does not exist");
            }
            Object old = current.getAdditionalProperties().get("status");
            Map<String, Object> merged = old instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            mergeInto(merged, status);
            current.setAdditionalProperty("status", merged);
            try {
                return (namespace == null ? op.resource(current) : op.inNamespace(namespace).resource(current))
                        .updateStatus();
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
            String line = request.getMethod() + " " + request.getPath();
            requests.add(line);
            if (request.getHeader(SIMULATOR) != null) {
                return super.dispatch(request);
            }
            for (Fault f : faults) {
                if (line.contains(f.match) && f.left.getAndDecrement() > 0) {
                    served.add(new Served(System.nanoTime(), line, f.code));
                    return delayed(fault(f));
                }
            }
            String method = String.valueOf(request.getMethod());
            if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                // getBytes() does not consume the body (reading it would leave the dispatcher nothing)
                writes.add(new Write(method, request.getPath(), new String(request.getBody().getBytes(),
                        StandardCharsets.UTF_8)));
            }
            MockResponse response = super.dispatch(request);
            served.add(new Served(System.nanoTime(), line, response.code()));
            return line.contains("watch=true") ? response : delayed(response);
        }

        private MockResponse delayed(MockResponse response) {
            Duration d = slow;
            return d.isZero() ? response : response.setBodyDelay(d);
        }

        private MockResponse fault(Fault f) {
            MockResponse r = new MockResponse().setResponseCode(f.code);
            if (f.retryAfterSeconds > 0) {
                r.setHeader("Retry-After", String.valueOf(f.retryAfterSeconds));
            }
            if (f.code == 429) {
                return r.setHeader("Content-Type", "text/plain; charset=utf-8")
                        .setBody("Too many requests, please try again later.\n");
            }
            String details = f.retryAfterSeconds > 0 ? ",\"details\":{\"retryAfterSeconds\":" + f.retryAfterSeconds + "}"
                    : "";
            return r.setHeader("Content-Type", "application/json").setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                    + "\"status\":\"Failure\",\"message\":\"injected fault\",\"reason\":\"InternalError\",\"code\":"
                    + f.code + details + "}");
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
