package io.jenkins.plugins.carvelgitops.engine.verify;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** The time since a wait started, for its reports and the {@code [12.3s] } prefix of its progress lines. */
final class WaitClock {

    private final LongSupplier nanoTime;
    private final long startNanos;

    WaitClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    String prefix() {
        return String.format(Locale.ROOT, "[%.1fs] ", elapsed().toMillis() / 1000.0);
    }
}
