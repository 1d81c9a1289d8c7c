package io.jenkins.plugins.carvelgitops.engine.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition another thread makes true, with a deadline generous enough for a loaded machine. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    public static void until(Duration atMost, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + atMost + ": " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
