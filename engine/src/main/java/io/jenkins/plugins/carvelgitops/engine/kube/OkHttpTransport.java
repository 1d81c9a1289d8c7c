package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * OkHttp, the transport Jenkins' kubernetes-client-api plugin provides: one dispatcher (one pool of daemon
 * threads) and one connection pool for every client. OkHttp reads a watch's stream on a dispatcher thread
 * for the whole life of the watch, so this transport holds one thread per open watch.
 */
final class OkHttpTransport implements KubeTransport {

    private final Dispatcher dispatcher;
    private final ConnectionPool connections = new ConnectionPool();

    OkHttpTransport() {
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

    @Override
    public KubernetesClientBuilder configure(KubernetesClientBuilder builder) {
        return builder.withHttpClientFactory(new Shared());
    }

    @Override
    public int threads() {
        return ((ThreadPoolExecutor) dispatcher.executorService()).getPoolSize();
    }

    @Override
    public void close() {
        dispatcher.executorService().shutdownNow();
        connections.evictAll();
    }

    /** Every client built here uses the one dispatcher and connection pool. */
    private final class Shared extends OkHttpClientFactory {

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
