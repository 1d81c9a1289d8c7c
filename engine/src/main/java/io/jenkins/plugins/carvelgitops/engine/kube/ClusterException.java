package io.jenkins.plugins.carvelgitops.engine.kube;

/**
 * A cluster could not be reached or refused a request. The message is one line naming the cluster and
 * the object; it never holds kubeconfig content or Secret data.
 */
public final class ClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
