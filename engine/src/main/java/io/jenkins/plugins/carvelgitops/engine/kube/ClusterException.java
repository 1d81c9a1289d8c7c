package io.jenkins.plugins.carvelgitops.engine.kube;

/**
 * A cluster could not be reached or refused a request. The message is one line naming the cluster and
 * the object; it never holds kubeconfig content or Secret data.
 */
public final class ClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public ClusterException(String message) {
        this(message, null, false);
    }

    public ClusterException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param transientFailure true when the request failed only for now (HTTP 429 or 5xx, a restarting API
     *                         server) and retries ran out of time: another attempt later may succeed
     */
    public ClusterException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** Why the request failed, without the cluster and the request the message starts with. */
    public String reason() {
        return getCause() == null ? getMessage() : Fabric8ClusterAccess.describe(getCause());
    }

    /** True when the cluster was there but busy or restarting, and the deadline came before an answer. */
    public boolean isTransient() {
        return transientFailure;
    }
}
