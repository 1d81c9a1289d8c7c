package io.jenkins.plugins.carvelgitops.engine.kube;

import java.time.Duration;

/**
 * A point in time (on the monotonic clock) after which no request is retried and no wait is started.
 *
 * @param nanos the {@link System#nanoTime()} value of the deadline
 */
public record Deadline(long nanos) {

    /** A deadline {@code after} from now. */
    public static Deadline in(Duration after) {
        return new Deadline(System.nanoTime() + after.toNanos());
    }

    /** Time left; zero or negative once passed. */
    public Duration remaining() {
        return Duration.ofNanos(nanos - System.nanoTime());
    }

    /** Whether a wait of {@code delay} from now ends before the deadline. */
    public boolean allows(Duration delay) {
        return remaining().compareTo(delay) > 0;
    }
}
