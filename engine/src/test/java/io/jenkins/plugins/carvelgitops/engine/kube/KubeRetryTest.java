package io.jenkins.plugins.carvelgitops.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KubeRetryTest {

    static KubernetesClientException status(int code, Integer retryAfter) {
        StatusBuilder b = new StatusBuilder().withCode(code).withMessage("m");
        if (retryAfter != null) {
            b.withNewDetails().withRetryAfterSeconds(retryAfter).endDetails();
        }
        return new KubernetesClientException(b.build());
    }

    @Test
    void busyServersAndRestartsAreWorthAnotherTryRefusalsAndUnknownServersAreNot() {
        assertThat(KubeRetry.isTransient(status(429, 1), false)).isTrue();
        assertThat(KubeRetry.isTransient(status(500, null), false)).isTrue();
        assertThat(KubeRetry.isTransient(status(503, null), false)).isTrue();
        for (int code : new int[] {400, 401, 403, 404, 409, 422}) {
            assertThat(KubeRetry.isTransient(status(code, null), true)).as("%d", code).isFalse();
        }
        KubernetesClientException refused = new KubernetesClientException("x", new ConnectException("refused"));
        assertThat(KubeRetry.isTransient(refused, false)).as("never answered: a wrong address").isFalse();
        assertThat(KubeRetry.isTransient(refused, true)).as("answered before: restarting").isTrue();
    }

    @Test
    void theWaitDoublesWithJitterUpToACapAndIsNeverShorterThanRetryAfter() {
        assertThat(KubeRetry.backoff(1, () -> 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(KubeRetry.backoff(1, () -> 0.999)).isLessThanOrEqualTo(Duration.ofMillis(200));
        assertThat(KubeRetry.backoff(3, () -> 0.999)).isLessThanOrEqualTo(Duration.ofMillis(800))
                .isGreaterThan(Duration.ofMillis(400));
        assertThat(KubeRetry.backoff(30, () -> 0.999)).isLessThanOrEqualTo(KubeRetry.MAX);
        assertThat(KubeRetry.delay(1, status(429, 7), () -> 0.5)).isEqualTo(Duration.ofSeconds(7));
        assertThat(KubeRetry.delay(30, status(429, 1), () -> 0.999)).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void aDeadlineAllowsOnlyWaitsThatEndBeforeIt() {
        Deadline d = Deadline.in(Duration.ofSeconds(10));
        assertThat(d.allows(Duration.ofSeconds(1))).isTrue();
        assertThat(d.allows(Duration.ofSeconds(60))).isFalse();
        assertThat(Deadline.in(Duration.ZERO).allows(Duration.ZERO)).isFalse();
    }
}
