package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/**
 * Vert.x on one event loop for every client: requests and watch streams are read without a thread of their
 * own, so the threads stay the same however many clusters and watches there are. Each client still gets its
 * own Vert.x HTTP client with its cluster's TLS settings and credentials; only the loop is shared.
 */
final class VertxTransport implements KubeTransport {

    /** Event-loop threads; two keep up with hundreds of watches on this work (small JSON events). */
    static final int EVENT_LOOPS = 2;

    private final Vertx vertx;
    private final VertxHttpClientFactory factory;

    VertxTransport() {
        // As fabric8's own factory makes it, but with a fixed, small number of threads.
        vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(EVENT_LOOPS)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setUseDaemonThread(true)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        factory = new VertxHttpClientFactory(vertx);
    }

    @Override
    public KubernetesClientBuilder configure(KubernetesClientBuilder builder) {
        return builder.withHttpClientFactory(factory)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(RetryAfterStatus.NAME,
                        new RetryAfterStatus()));
    }

    /** At most the event loops; Vert.x's own worker and checker threads besides are a constant too. */
    @Override
    public int threads() {
        return EVENT_LOOPS;
    }

    @Override
    public void close() {
        vertx.close();
    }
}
