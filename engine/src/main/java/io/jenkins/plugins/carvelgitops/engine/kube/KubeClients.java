package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates cluster clients from kubeconfig <em>content</em> (never from a file or the environment) and
 * owns them: one client per distinct kubeconfig, each with its own {@code Config} (server, TLS settings,
 * credentials), all sharing one HTTP transport ({@link KubeTransport}), one task executor for fabric8's
 * callbacks and one small pool for requests. Close it when done; that closes every client.
 *
 * <p>The transport is Vert.x when it is on the class path (the command line: one event loop, so threads do
 * not grow with clusters or watches), else OkHttp (Jenkins' kubernetes-client-api plugin). The system
 * property {@code io.jenkins.plugins.carvelgitops.engine.kube.KubeClients.transport} ({@code vertx} or
 * {@code okhttp}) chooses one.
 */
public final class KubeClients implements AutoCloseable {

    /** The system property that chooses the transport. */
    public static final String TRANSPORT_PROPERTY = KubeClients.class.getName() + ".transport";

    /**
     * Client settings.
     *
     * @param retryFor                how long a request failing for now (429, 5xx, a restarting API server) is
     *                                tried again, with back-off, when the caller gives no deadline of its own
     * @param connectTimeout          TCP/TLS connect timeout
     * @param requestTimeout          timeout of one (non-watch) request
     * @param watchReconnectInterval  first delay before reconnecting a dropped watch (it doubles, capped)
     */
    public record Settings(Duration retryFor, Duration connectTimeout, Duration requestTimeout,
            Duration watchReconnectInterval) {

        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** Threads of the task executor every client shares (fabric8's informer and watch callbacks). */
    static final int TASK_THREADS = 4;
    /** Threads that run requests; a request waiting to be retried holds none. */
    static final int REQUEST_THREADS = 8;

    private final Settings settings;
    private final KubeTransport transport;
    private final String transportName;
    private final ExecutorService tasks;
    private final ExecutorService requests;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /** A client and whether its cluster has answered yet (a refused connection means more after an answer). */
    private record Client(KubernetesClient client, AtomicBoolean answered) {
    }

    public KubeClients() {
        this(Settings.DEFAULT);
    }

    public KubeClients(Settings settings) {
        this(settings, transportByProperty());
    }

    KubeClients(Settings settings, String transportName) {
        this(settings, transportName, REQUEST_THREADS);
    }

    /** For tests: a given transport and number of request threads. */
    KubeClients(Settings settings, String transportName, int requestThreads) {
        this.settings = settings;
        // Neither transport class is loaded unless chosen: the plugin has no Vert.x on its class path.
        this.transportName = "okhttp".equals(transportName) ? "okhttp" : "vertx";
        this.transport = "okhttp".equals(transportName) ? new OkHttpTransport() : new VertxTransport();
        this.tasks = pool("carvel-gitops-kube-", TASK_THREADS);
        this.requests = pool("carvel-gitops-kube-request-", requestThreads);
    }

    /** {@code vertx} or {@code okhttp}: the property when set, else Vert.x when it is on the class path. */
    static String transportByProperty() {
        String chosen = System.getProperty(TRANSPORT_PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("okhttp") || chosen.equals("vertx")) {
            return chosen.equals("vertx") && !vertxAvailable() ? "okhttp" : chosen;
        }
        return vertxAvailable() ? "vertx" : "okhttp";
    }

    /** Whether the Vert.x transport is on the class path (the command line has it; Jenkins does not). */
    private static boolean vertxAvailable() {
        ClassLoader loader = KubeClients.class.getClassLoader();
        try {
            Class.forName("io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory", false, loader);
            Class.forName("io.vertx.core.Vertx", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** At most {@code size} daemon threads, gone when idle; work beyond that waits its turn. */
    private static ExecutorService pool(String prefix, int size) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, prefix + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The cluster a kubeconfig names (its current context). Clients are shared: the same kubeconfig
     * content gives the same underlying client.
     *
     * @param label how messages name the cluster, e.g. {@code run cluster of stage prod}
     */
    public ClusterAccess cluster(KubeconfigAuth kubeconfig, String label) {
        Client client = clients.computeIfAbsent(kubeconfig.fingerprint(), k -> new Client(create(kubeconfig, label),
                new AtomicBoolean()));
        return new Fabric8ClusterAccess(client.client(), label, client.answered(), Deadline.in(settings.retryFor()),
                requests);
    }

    private KubernetesClient create(KubeconfigAuth kubeconfig, String label) {
        Config config;
        try {
            config = Config.fromKubeconfig(null, kubeconfig.content(), null);
        } catch (RuntimeException e) {
            // The parser's message may quote the content: say only what is wrong and where.
            throw new ClusterException("the kubeconfig for the " + label + " cannot be read (not a kubeconfig, "
                    + "or no current context); check the file or credential that holds it");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new ClusterException("the kubeconfig for the " + label + " names no server; set clusters[].cluster"
                    + ".server for its current context");
        }
        // Retries happen in Fabric8ClusterAccess, bounded by the caller's deadline; none underneath.
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setRequestTimeout((int) settings.requestTimeout().toMillis());
        config.setWatchReconnectInterval((int) settings.watchReconnectInterval().toMillis());
        config.setWatchReconnectLimit(-1);
        return transport.configure(new KubernetesClientBuilder().withConfig(config)).withTaskExecutor(tasks).build();
    }

    /** Threads the shared HTTP transport holds right now (for diagnostics and tests). */
    public int httpThreads() {
        return transport.threads();
    }

    /** Which transport the clients use: {@code vertx} or {@code okhttp}. */
    public String transport() {
        return transportName;
    }

    @Override
    public void close() {
        List<Client> all = new ArrayList<>(clients.values());
        clients.clear();
        all.forEach(c -> c.client().close());
        requests.shutdownNow();
        tasks.shutdownNow();
        transport.close();
    }
}
