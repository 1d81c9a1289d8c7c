package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one cluster's requests on the shared request threads and tries a request again after each transient
 * failure ({@link KubeRetry}) while the deadline allows the wait. The wait is a timer that hands the next
 * attempt back to those threads, never a sleeping thread, so a throttled cluster holds no thread while it
 * waits and delays no other cluster's requests.
 */
final class RetryingRequests {

    private final String label;
    private final AtomicBoolean answered;
    private final Deadline deadline;
    private final Executor requests;

    /**
     * @param answered whether this cluster has answered a request before (shared by every view of one client)
     * @param deadline when retrying stops
     * @param requests runs the requests (and their retries, after their wait)
     */
    RetryingRequests(String label, AtomicBoolean answered, Deadline deadline, Executor requests) {
        this.label = label;
        this.answered = answered;
        this.deadline = deadline;
        this.requests = requests;
    }

    RetryingRequests within(Deadline until) {
        return new RetryingRequests(label, answered, until, requests);
    }

    Deadline deadline() {
        return deadline;
    }

    /** The cluster answered: from now on a broken connection means it restarts, not that it is absent. */
    void answered() {
        answered.set(true);
    }

    /** Whether {@code error} is worth another try; notes that the cluster answered when a status came back. */
    boolean isTransient(Throwable error) {
        boolean answeredBefore = answered.get();
        if (KubeRetry.code(error) > 0) {
            answered.set(true);
        }
        return KubeRetry.isTransient(error, answeredBefore);
    }

    static Duration delay(int attempt, Throwable error) {
        return KubeRetry.delay(attempt, error, ThreadLocalRandom.current()::nextDouble);
    }

    /** Runs {@code request} on the request threads, again after each transient failure the deadline allows. */
    <T> CompletableFuture<T> run(String what, Supplier<T> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(requests, () -> attempt(what, request, 1, result), result);
        return result;
    }

    /** Waits on the caller's thread for a request; an interrupt gives the request up. */
    <T> T await(CompletableFuture<T> pending, String what) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(false);
            Thread.currentThread().interrupt();
            throw new ClusterException(label + ": " + what + " (interrupted)", e, true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    ClusterException failure(String what, KubernetesClientException e, boolean transientFailure) {
        return new ClusterException(label + ": " + what + ": " + Fabric8ClusterAccess.describe(e), e,
                transientFailure);
    }

    private <T> void attempt(String what, Supplier<T> request, int attempt, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // given up by its caller
        }
        T value;
        try {
            value = request.get();
        } catch (KubernetesClientException e) {
            if (!isTransient(e)) {
                result.completeExceptionally(failure(what, e, false));
                return;
            }
            Duration wait = delay(attempt, e);
            if (!deadline.allows(wait)) {
                result.completeExceptionally(failure(what + " (tried " + attempt + " times)", e, true));
                return;
            }
            submit(CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, requests),
                    () -> attempt(what, request, attempt + 1, result), result);
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        answered.set(true);
        result.complete(value);
    }

    private static void submit(Executor executor, Runnable task, CompletableFuture<?> result) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ClusterException("the cluster clients are closed", e, false));
        }
    }
}
