package io.jenkins.plugins.carvelgitops.engine.promote;

/**
 * The port {@code requireLive} reads a stage's run cluster through: what the stage's PackageInstall
 * reports against a version. Each adapter reaches the run cluster its own way (the command line through
 * kubeconfig files, Jenkins through kubeconfig credentials); the engine decides what the answer means.
 * The judgement itself is {@code verify.LiveVersion}; this package sits below verify, so the port speaks
 * its own small {@link Result}.
 */
@FunctionalInterface
public interface LiveCheck {

    /**
     * Reads the PackageInstall {@code namespace/installName} on the run cluster of {@code stage}.
     *
     * @throws io.jenkins.plugins.carvelgitops.engine.validate.ValidationException when the adapter has no way
     *         to reach that run cluster (naming its own setting)
     * @throws io.jenkins.plugins.carvelgitops.engine.kube.ClusterException when the cluster cannot be read
     */
    Result check(String stage, String namespace, String installName, String version);

    /**
     * @param live   the PackageInstall reports ReconcileSucceeded at the version, at its current generation
     * @param seen   what it reports, in a few words
     * @param reason why it is not live, one line ("" when live)
     */
    record Result(boolean live, String seen, String reason) {

        public Result {
            seen = seen == null ? "" : seen;
            reason = reason == null ? "" : reason;
        }
    }
}
