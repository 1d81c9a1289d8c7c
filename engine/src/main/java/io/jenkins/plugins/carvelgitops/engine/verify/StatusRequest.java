package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link StatusService} reads.
 *
 * @param config               the delivered package and its stages
 * @param history              the GitOps repository
 * @param buildCluster         the build cluster's kubeconfig; null to report Git only
 * @param kubeconfigs          run-cluster kubeconfigs by stage name
 * @param kubeconfigFromSecret when a stage has none, read {@code <stage>-kubeconfig} from the build cluster
 */
public record StatusRequest(GitopsConfig config, GitopsHistory history, KubeconfigAuth buildCluster,
        Map<String, KubeconfigAuth> kubeconfigs, boolean kubeconfigFromSecret) {

    public StatusRequest {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(history, "history");
        kubeconfigs = Map.copyOf(kubeconfigs);
        VerifyPlanner.checkStageNames(config, kubeconfigs.keySet());
    }

    /** Git only: no cluster is read. */
    public static StatusRequest gitOnly(GitopsConfig config, GitopsHistory history) {
        return new StatusRequest(config, history, null, Map.of(), false);
    }

    @Override
    public String toString() {
        return "StatusRequest[" + config.packageName() + ", live=" + (buildCluster != null) + "]";
    }
}
