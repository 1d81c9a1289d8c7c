package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.engine.bootstrap.Bootstrap;
import io.jenkins.plugins.carvelgitops.engine.bootstrap.BootstrapRequest;
import io.jenkins.plugins.carvelgitops.engine.bootstrap.SecretValues;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.TokenAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Applies the bootstrap objects ({@link Bootstrap}) from the agent that holds the workspace: on the
 * build cluster the Git auth Secret, a kubeconfig Secret per run cluster, the GitRepository and the
 * Kustomizations; on each run cluster with a kubeconfig the namespace, service account and RBAC. The
 * kubeconfigs and the Git credential travel in memory only.
 */
final class BootstrapCallable extends MasterToSlaveFileCallable<LinkedHashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final ConfigInputs inputs;
    private final String buildKubeconfig;
    private final LinkedHashMap<String, String> stageKubeconfigs;
    /** By stage, the YAML of its secret values, from credentials. */
    private final LinkedHashMap<String, String> secretValues;
    private final StandardUsernamePasswordCredentials git;
    private final TaskListener listener;

    BootstrapCallable(ConfigInputs inputs, String buildKubeconfig, LinkedHashMap<String, String> stageKubeconfigs,
            LinkedHashMap<String, String> secretValues, StandardUsernamePasswordCredentials git,
            TaskListener listener) {
        this.inputs = inputs;
        this.buildKubeconfig = buildKubeconfig;
        this.stageKubeconfigs = new LinkedHashMap<>(stageKubeconfigs);
        this.secretValues = new LinkedHashMap<>(secretValues);
        this.git = git;
        this.listener = listener;
    }

    @Override
    public LinkedHashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ConsoleProgress progress = new ConsoleProgress(listener.getLogger());
        Path config = inputs.resolve(workspace.toPath());
        try {
            GitopsConfig c = ConfigLoader.load(config, inputs.config(), inputs.toEngine(config));
            Map<String, KubeconfigAuth> stages = new LinkedHashMap<>();
            stageKubeconfigs.forEach((stage, content) -> stages.put(stage, new KubeconfigAuth(content)));
            TokenAuth token = git == null ? null : new TokenAuth(git.getUsername(), git.getPassword().getPlainText());
            Map<String, SecretValues> values = new LinkedHashMap<>();
            secretValues.forEach((stage, yaml) -> values.put(stage, SecretValues.parse(yaml, "secretValues of stage "
                    + stage)));
            try (KubeClients kube = new KubeClients()) {
                Bootstrap.Result result = new Bootstrap(kube, progress).run(new BootstrapRequest(c, List.of(),
                        new KubeconfigAuth(buildKubeconfig), stages, token, false, values, null));
                return result.toDocument().map();
            }
        } catch (ValidationException | ClusterException e) {
            throw new AbortException(StepSpelling.message(e));
        } catch (IllegalArgumentException e) {
            // an empty kubeconfig or token: the value objects say which, never the content
            throw new AbortException("carvelGitopsBootstrap: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "carvelGitopsBootstrap " + inputs.config();
    }
}
