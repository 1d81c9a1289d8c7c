package io.jenkins.plugins.carvelgitops.engine.git;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently a rejected push is tried again: at most {@code maxAttempts} pushes, the
 * wait before attempt {@code n + 1} drawn from [d/2, d] with {@code d = min(maxDelay, baseDelay * 2^(n-1))},
 * so racing publishers spread out instead of colliding again.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("push attempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay);
    }

    /** The wait after failed attempt {@code attempt} (1-based); {@code random} yields values in [0, 1). */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        long base = baseDelay.toMillis();
        long d = base;
        for (int i = 1; i < attempt && d < maxDelay.toMillis(); i++) {
            d *= 2;
        }
        d = Math.min(d, maxDelay.toMillis());
        return Duration.ofMillis(d / 2 + (long) (random.getAsDouble() * (d - d / 2)));
    }
}
