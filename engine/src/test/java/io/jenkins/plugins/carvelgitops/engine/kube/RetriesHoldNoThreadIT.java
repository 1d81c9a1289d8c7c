package io.jenkins.plugins.carvelgitops.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.Await;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cluster that answers 503 with Retry-After holds no thread while its request waits to be tried again: with
 * a single request thread, another cluster's read is served between the throttled cluster's attempts, and
 * both reads end with the object.
 */
class RetriesHoldNoThreadIT {

    private static final ObjectRef PKGI = new ObjectRef(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", "apps",
            "app");

    @Test
    void aThrottledClusterDoesNotDelayAnotherClustersRead() throws Exception {
        try (MockCluster slow = MockCluster.start(); MockCluster fast = MockCluster.start();
                KubeClients clients = new KubeClients(new KubeClients.Settings(Duration.ofSeconds(30),
                        Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(1)),
                        KubeClients.transportByProperty(), 1)) {
            slow.put(pkgi());
            fast.put(pkgi());
            slow.failNext(2, "GET /apis/packaging.carvel.dev", 503, 2);
            CompletableFuture<Optional<Map<String, Object>>> throttled = clients.cluster(slow.kubeconfig(), "slow")
                    .read(PKGI);
            // the first attempt has been answered 503 before the other cluster is asked
            Await.until(Duration.ofSeconds(30), "the first answer of the throttled cluster",
                    () -> !slow.served().isEmpty());
            Optional<Map<String, Object>> other = clients.cluster(fast.kubeconfig(), "fast").read(PKGI)
                    .get(30, TimeUnit.SECONDS);
            assertThat(other).isPresent();
            assertThat(throttled.get(30, TimeUnit.SECONDS)).isPresent();

            List<MockCluster.Served> slowServed = slow.served().stream()
                    .filter(s -> s.request().startsWith("GET /apis/packaging.carvel.dev")).toList();
            assertThat(slowServed).extracting(MockCluster.Served::code).containsExactly(503, 503, 200);
            long fastAnswered = fast.served().stream().filter(s -> s.request().startsWith("GET /apis/packaging"))
                    .findFirst().orElseThrow().nanos();
            // the other cluster was served before the throttled one was tried again
            assertThat(fastAnswered).isLessThan(slowServed.get(1).nanos());
        }
    }

    private static Map<String, Object> pkgi() {
        return Map.of("apiVersion", KubeKinds.PACKAGE_INSTALL_API, "kind", "PackageInstall",
                "metadata", Map.of("name", "app", "namespace", "apps"), "spec", Map.of());
    }
}
