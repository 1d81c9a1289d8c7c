package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleSupplier;

/**
 * When a failed request is worth another try, and after how long. Worth it: HTTP 429 and 5xx (the API
 * server is there but busy or failing for now), and a connection that failed or broke off on a cluster
 * that has answered before (it is restarting). Not worth it: any other status (401, 403, 404, 409, 422),
 * and a cluster that has never answered (a wrong server address or network: say so at once). The wait
 * is exponential with jitter, and never shorter than the server's Retry-After.
 */
final class KubeRetry {

    static final Duration FIRST = Duration.ofMillis(200);
    static final Duration MAX = Duration.ofSeconds(5);

    private KubeRetry() {
    }

    /** The HTTP status of a failure; 0 when no response arrived. */
    static int code(Throwable t) {
        Throwable e = unwrap(t);
        return e instanceof KubernetesClientException k && k.getCode() > 0 ? k.getCode() : 0;
    }

    static boolean isTransient(Throwable t, boolean answeredBefore) {
        int code = code(t);
        if (code == 429 || code >= 500) {
            return true;
        }
        return code == 0 && answeredBefore && hasIoCause(unwrap(t));
    }

    /** The wait before attempt {@code attempt + 1}: the back-off, or the server's Retry-After if longer. */
    static Duration delay(int attempt, Throwable t, DoubleSupplier random) {
        Duration backoff = backoff(attempt, random);
        Duration retryAfter = retryAfter(t);
        return retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    /** min(MAX, FIRST * 2^(attempt-1)), drawn from [d/2, d] so that clients spread out. */
    static Duration backoff(int attempt, DoubleSupplier random) {
        long d = FIRST.toMillis();
        for (int i = 1; i < attempt && d < MAX.toMillis(); i++) {
            d *= 2;
        }
        d = Math.min(d, MAX.toMillis());
        return Duration.ofMillis(d / 2 + (long) (random.getAsDouble() * (d - d / 2)));
    }

    /**
     * The Retry-After of the response, as the API server states it in the Status it returns
     * ({@code details.retryAfterSeconds}); {@link RetryAfterHeader} puts the header there when the body
     * does not carry it. Zero when absent.
     */
    static Duration retryAfter(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getDetails() != null
                && k.getStatus().getDetails().getRetryAfterSeconds() != null) {
            return Duration.ofSeconds(Math.max(0, k.getStatus().getDetails().getRetryAfterSeconds()));
        }
        return Duration.ZERO;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static boolean hasIoCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
