package io.jenkins.plugins.carvelgitops.engine.bootstrap;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.TokenAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What bootstrap applies and where. Secrets come only from these values, given at run time.
 *
 * @param config           the parsed config
 * @param stages           stage names; empty for every stage
 * @param buildCluster     the build cluster's kubeconfig (null for a dry run without clusters)
 * @param stageKubeconfigs run-cluster kubeconfigs by stage; a stage without one gets neither its
 *                         {@code <stage>-kubeconfig} Secret nor its RBAC nor its secret values (a warning says so)
 * @param git              the credential Flux clones with; null to leave {@code <package>-gitops-auth} alone
 * @param dryRun           plan and print only (Secret data redacted); nothing is applied
 * @param secretValues     by stage, the values of the keys the stage declares in {@code secretValues}
 * @param pkg              the Package whose valuesSchema the secret values are checked against; null for no check
 */
public record BootstrapRequest(GitopsConfig config, List<String> stages, KubeconfigAuth buildCluster,
        Map<String, KubeconfigAuth> stageKubeconfigs, TokenAuth git, boolean dryRun,
        Map<String, SecretValues> secretValues, CarvelPackage pkg) {

    public BootstrapRequest {
        Objects.requireNonNull(config, "config");
        stages = List.copyOf(stages);
        stageKubeconfigs = Collections.unmodifiableMap(new LinkedHashMap<>(stageKubeconfigs));
        secretValues = Collections.unmodifiableMap(new LinkedHashMap<>(secretValues));
        if (buildCluster == null && !dryRun) {
            throw new IllegalArgumentException("the build cluster's kubeconfig is required");
        }
    }

    /** Without secret values. */
    public BootstrapRequest(GitopsConfig config, List<String> stages, KubeconfigAuth buildCluster,
            Map<String, KubeconfigAuth> stageKubeconfigs, TokenAuth git, boolean dryRun) {
        this(config, stages, buildCluster, stageKubeconfigs, git, dryRun, Map.of(), null);
    }
}
