package io.jenkins.plugins.carvelgitops.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Threads do not grow with clusters: N clients (each its own credentials, as N run clusters have), each
 * reading and watching, hold the same threads as a few. With OkHttp, the transport Jenkins provides, each
 * open watch holds a thread; that is shown too, so that this test can tell the two apart.
 */
class KubeClientsThreadsIT {

    private MockCluster server;

    @BeforeEach
    void setUp() {
        server = MockCluster.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void theVertxTransportHoldsTheSameThreadsForTenClustersAndForAHundred() throws Exception {
        try (KubeClients clients = new KubeClients(KubeClients.Settings.DEFAULT, "vertx")) {
            assertThat(clients.transport()).isEqualTo("vertx");
            List<ClusterAccess.ObjectWatch> watches = new ArrayList<>();
            open(clients, 0, 10, watches);
            int few = threads();
            open(clients, 10, 100, watches);
            int many = threads();
            // the server (fabric8's mock, on Vert.x too) is in this JVM: its few event loops count here as well
            assertThat(many - few).as("threads for 100 clusters (%d) against 10 (%d)", many, few).isLessThanOrEqualTo(4);
            System.out.printf("vertx: JVM threads with 10 clusters %d, with 100 %d%n", few, many);
            watches.forEach(ClusterAccess.ObjectWatch::cancel);
        }
    }

    @Test
    void theOkHttpTransportHoldsAThreadPerWatch() throws Exception {
        try (KubeClients clients = new KubeClients(KubeClients.Settings.DEFAULT, "okhttp")) {
            assertThat(clients.transport()).isEqualTo("okhttp");
            List<ClusterAccess.ObjectWatch> watches = new ArrayList<>();
            open(clients, 0, 10, watches);
            int few = clients.httpThreads();
            open(clients, 10, 40, watches);
            int many = clients.httpThreads();
            System.out.printf("okhttp: HTTP threads with 10 clusters %d, with 40 %d%n", few, many);
            // 30 more open watches: (nearly) 30 more threads; a few idle ones may have been taken up first
            assertThat(many - few).isGreaterThanOrEqualTo(25);
            watches.forEach(ClusterAccess.ObjectWatch::cancel);
        }
    }

    /** Clusters {@code from} to {@code to}: a client each, one read, and one watch that has listed. */
    private void open(KubeClients clients, int from, int to, List<ClusterAccess.ObjectWatch> watches)
            throws Exception {
        List<CompletableFuture<?>> synced = new ArrayList<>();
        for (int i = from; i < to; i++) {
            // another token is another client: each cluster keeps its own credentials
            ClusterAccess cluster = clients.cluster(new KubeconfigAuth(MockCluster.kubeconfigFor(server.port())
                    .replace("kubeconfig-secret-token-", "kubeconfig-secret-token-" + i + "-")), "run cluster " + i);
            assertThat(cluster.get(new ObjectRef(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", "ns" + i, "app")))
                    .isEmpty();
            CompletableFuture<Void> listed = new CompletableFuture<>();
            watches.add(cluster.watch(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", "ns" + i,
                    new ClusterAccess.WatchListener() {
                        @Override
                        public void synced(List<Map<String, Object>> objects) {
                            listed.complete(null);
                        }

                        @Override
                        public void changed(Map<String, Object> object) {
                        }

                        @Override
                        public void deleted(Map<String, Object> object) {
                        }

                        @Override
                        public void failed(String message) {
                            listed.completeExceptionally(new AssertionError(message));
                        }
                    }));
            synced.add(listed);
        }
        CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
