package io.jenkins.plugins.carvelgitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissedEventsTest {

    @Test
    void aWaitIsReadAtLeastFourTimesBetweenOneAndFifteenSeconds() {
        assertThat(MissedEvents.interval(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(15));
        assertThat(MissedEvents.interval(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(7500));
        assertThat(MissedEvents.interval(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aReadReplacesWhatTheWatchShowedOnlyWhenItIsLater() {
        assertThat(MissedEvents.newer(rv("12"), null)).isTrue();
        assertThat(MissedEvents.newer(rv("12"), rv("9"))).isTrue();
        assertThat(MissedEvents.newer(rv("9"), rv("12"))).isFalse();
        assertThat(MissedEvents.newer(rv("12"), rv("12"))).isFalse();
        assertThat(MissedEvents.newer(rv("b"), rv("a"))).isTrue();
        assertThat(MissedEvents.newer(rv("a"), rv("a"))).isFalse();
    }

    private static Map<String, Object> rv(String resourceVersion) {
        return Map.of("metadata", Map.of("resourceVersion", resourceVersion));
    }
}
