package io.jenkins.plugins.carvelgitops.engine.verify;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The timers of one wait on the shared scheduler: its deadline and the times of its {@link MissedEvents}
 * re-reads. Each only hands its work to the blocking executor, so one wait's slow listener or cluster never
 * delays another wait's deadline. Guarded by its {@link VerifyWait}.
 */
final class WaitTimers {

    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> rereads;

    WaitTimers(ScheduledExecutorService scheduler, Executor blocking) {
        this.scheduler = scheduler;
        this.blocking = blocking;
    }

    void deadline(Duration in, Runnable timedOut) {
        deadline = scheduler.schedule(() -> blocking.execute(timedOut), in.toMillis(), TimeUnit.MILLISECONDS);
    }

    void rereads(Duration every, Runnable reread) {
        long ms = every.toMillis();
        rereads = scheduler.scheduleWithFixedDelay(() -> blocking.execute(reread), ms, ms, TimeUnit.MILLISECONDS);
    }

    void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (rereads != null) {
            rereads.cancel(false);
        }
    }
}
