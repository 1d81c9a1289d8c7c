package io.jenkins.plugins.carvelgitops.engine.verify;

import java.util.concurrent.CompletableFuture;

/**
 * A running verify. It holds no thread: watches deliver events on the shared HTTP threads and the
 * deadline is a task on the caller's scheduler. Callers either wait on {@link #result()} (the CLI) or
 * attach a callback to it (the Jenkins step).
 */
public interface VerifyHandle {

    /** Completes once with the report: ready, failed, timed out or canceled. Never completes exceptionally. */
    CompletableFuture<VerifyReport> result();

    /** What every object reports right now; while running, the outcome is that of the snapshot so far (never READY until done). */
    VerifyReport snapshot();

    /** Stops waiting: closes the watches and completes the result as canceled. Safe to call at any time. */
    void cancel();
}
