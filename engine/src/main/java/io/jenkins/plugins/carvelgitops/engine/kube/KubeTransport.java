package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The HTTP transport every cluster client of one {@link KubeClients} shares: its threads, connections and
 * the {@code Retry-After} handling. A client gets its own {@code Config} (server, TLS, credentials) and
 * only borrows the transport's threads.
 */
interface KubeTransport extends AutoCloseable {

    /** Points {@code builder} at the shared transport. */
    KubernetesClientBuilder configure(KubernetesClientBuilder builder);

    /** Threads the transport holds right now (for diagnostics and tests). */
    int threads();

    @Override
    void close();
}
