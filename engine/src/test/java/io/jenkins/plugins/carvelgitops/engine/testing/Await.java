package io.jenkins.plugins.carvelgitops.engine.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition another thread makes true, with a deadline generous enough for a loaded machine. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    public static void until(Duration atMost, String what, BooleanSupplier condition) throws InterruptedException {
        until(atMost, () -> what, condition);
    }

    /** As {@link #until(Duration, String, BooleanSupplier)}, {@code what} read when the deadline has passed. */
    public static void until(Duration atMost, Supplier<String> what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + atMost + ": " + what.get());
            }
            Thread.sleep(POLL_MILLIS); // the poll of this await itself
        }
    }
}
