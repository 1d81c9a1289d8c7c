package io.jenkins.plugins.carvelgitops.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many clusters, one set of threads: every client shares the HTTP dispatcher and the task executor, so
 * the threads a verification holds are a constant plus its open watch streams, not a pool per cluster.
 */
class KubeClientsThreadsIT {

    static final int CLUSTERS = 40;
    /** Threads besides the watch streams: the shared task executor plus a few of OkHttp's own. */
    static final int CONSTANT_THREADS = KubeClients.TASK_THREADS + 12;

    @Test
    void threadsDoNotGrowByAPoolPerCluster() throws Exception {
        try (MockCluster server = MockCluster.start(); KubeClients clients = new KubeClients()) {
            Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
            CountDownLatch synced = new CountDownLatch(CLUSTERS);
            List<ClusterAccess.ObjectWatch> watches = new ArrayList<>();
            for (int i = 0; i < CLUSTERS; i++) {
                // a distinct kubeconfig (its own credentials) per cluster, so a client each
                String kubeconfig = server.kubeconfig().content().replace("token: kubeconfig-secret-token-",
                        "token: cluster-" + i + "-token-");
                ClusterAccess cluster = clients.cluster(new KubeconfigAuth(kubeconfig), "run cluster " + i);
                watches.add(cluster.watch("v1", "ServiceAccount", "default", new ClusterAccess.WatchListener() {
                    @Override
                    public void synced(List<Map<String, Object>> objects) {
                        synced.countDown();
                    }

                    @Override
                    public void changed(Map<String, Object> object) {
                    }

                    @Override
                    public void deleted(Map<String, Object> object) {
                    }

                    @Override
                    public void failed(String message) {
                    }
                }));
            }
            assertThat(synced.await(120, TimeUnit.SECONDS)).as("every watch listed").isTrue();

            List<String> added = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .map(Thread::getName).filter(n -> !n.startsWith("vert.x") && !n.startsWith("vertx")).toList();
            List<String> besidesStreams = added.stream().filter(n -> !n.startsWith("OkHttp http")).toList();
            System.out.printf("clusters=%d newThreads=%d besidesWatchStreams=%d taskThreads=%d%n", CLUSTERS,
                    added.size(), besidesStreams.size(), clients.taskThreads());
            assertThat(besidesStreams).as("threads besides watch streams for %d clusters", CLUSTERS)
                    .hasSizeLessThanOrEqualTo(CONSTANT_THREADS);
            assertThat(added).as("all new threads: at most one stream per watch plus a constant")
                    .hasSizeLessThanOrEqualTo(CLUSTERS + CONSTANT_THREADS);
            watches.forEach(ClusterAccess.ObjectWatch::cancel);
        }
    }
}
