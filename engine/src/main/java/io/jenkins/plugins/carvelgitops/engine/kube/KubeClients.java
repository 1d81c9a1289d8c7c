package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Creates cluster clients from kubeconfig <em>content</em> (never from a file or the environment) and
 * owns them: one client per distinct kubeconfig, all sharing one OkHttp dispatcher (one pool of daemon
 * threads) and one connection pool. Close it when done; that closes every client.
 */
public final class KubeClients implements AutoCloseable {

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

    private final Settings settings;
    private final Dispatcher dispatcher;
    private final ConnectionPool connections = new ConnectionPool();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /** A client and whether its cluster has answered yet (a refused connection means more after an answer). */
    private record Client(KubernetesClient client, AtomicBoolean answered) {
    }

    public KubeClients() {
        this(Settings.DEFAULT);
    }

    public KubeClients(Settings settings) {
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "carvel-gitops-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.dispatcher = new Dispatcher(pool);
        dispatcher.setMaxRequests(4096);
        dispatcher.setMaxRequestsPerHost(1024);
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
        return new Fabric8ClusterAccess(client.client(), label, client.answered(), Deadline.in(settings.retryFor()));
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
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new SharedOkHttp()).build();
    }

    /** Threads the shared HTTP pool holds right now (for diagnostics and tests). */
    public int httpThreads() {
        return ((ThreadPoolExecutor) dispatcher.executorService()).getPoolSize();
    }

    @Override
    public void close() {
        List<Client> all = new ArrayList<>(clients.values());
        clients.clear();
        all.forEach(c -> c.client().close());
        dispatcher.executorService().shutdownNow();
        connections.evictAll();
    }

    /** Every client built here uses the one dispatcher and connection pool. */
    private final class SharedOkHttp extends OkHttpClientFactory {

        @Override
        protected OkHttpClient.Builder newOkHttpClientBuilder() {
            return super.newOkHttpClientBuilder().connectionPool(connections).addInterceptor(new RetryAfterHeader());
        }

        @Override
        protected Dispatcher initDispatcher() {
            return dispatcher;
        }
    }
}
