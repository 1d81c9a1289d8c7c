package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to wait for: our commit on the build cluster (GitRepository and every stage's Kustomizations)
 * and our version on each stage's run cluster (its PackageInstall).
 *
 * @param buildCluster         the build cluster's kubeconfig
 * @param fluxApiVersion       {@code v1beta2} or {@code v1}
 * @param fluxNamespace        the namespace of the GitRepository and Kustomizations
 * @param gitRepository        the GitRepository name
 * @param revision             the full commit SHA we pushed
 * @param stages               the stages to verify, in order
 * @param timeout              how long to wait at most
 * @param reconcile            annotate the Flux objects with {@code reconcile.fluxcd.io/requestedAt} first
 * @param kubeconfigFromSecret when a stage has no kubeconfig, read {@code <stage>-kubeconfig} from the build cluster
 */
public record VerifyRequest(KubeconfigAuth buildCluster, String fluxApiVersion, String fluxNamespace,
        String gitRepository, String revision, List<StageTarget> stages, Duration timeout, boolean reconcile,
        boolean kubeconfigFromSecret) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public VerifyRequest {
        Objects.requireNonNull(buildCluster, "buildCluster");
        Objects.requireNonNull(fluxApiVersion, "fluxApiVersion");
        Objects.requireNonNull(fluxNamespace, "fluxNamespace");
        Objects.requireNonNull(gitRepository, "gitRepository");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(timeout, "timeout");
        if (!revision.matches("[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("revision '" + revision + "' is not a full 40-character commit SHA");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        stages = List.copyOf(stages);
    }

    /**
     * One stage.
     *
     * @param stage          the stage name
     * @param kustomizations its Kustomization names on the build cluster (packages, then packageinstalls)
     * @param namespace      the run-cluster namespace of the PackageInstall
     * @param packageInstall the PackageInstall name
     * @param version        the version it must report
     * @param kubeconfig     the run cluster's kubeconfig; null to read the {@code <stage>-kubeconfig} Secret
     */
    public record StageTarget(String stage, List<String> kustomizations, String namespace, String packageInstall,
            String version, KubeconfigAuth kubeconfig) {

        public StageTarget {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(packageInstall, "packageInstall");
            Objects.requireNonNull(version, "version");
            kustomizations = List.copyOf(kustomizations);
        }
    }
}
