package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * Applies the bootstrap objects from the agent that holds the workspace.
 *
 * <p>Written against the engine's bootstrap in {@code engine.kube} ({@code ClusterAccess} server-side
 * apply, {@code KubeconfigAuth} and {@code GitCredential} values, the plan's build-cluster and
 * run-cluster objects); until that service is part of the engine this build depends on, the step
 * stops with a one-line message.
 */
final class BootstrapCallable extends MasterToSlaveFileCallable<ArrayList<String>> {

    private static final long serialVersionUID = 1L;

    private final ConfigInputs inputs;
    private final String buildKubeconfig;
    private final LinkedHashMap<String, String> stageKubeconfigs;
    private final StandardUsernamePasswordCredentials git;
    private final TaskListener listener;

    BootstrapCallable(ConfigInputs inputs, String buildKubeconfig, LinkedHashMap<String, String> stageKubeconfigs,
            StandardUsernamePasswordCredentials git, TaskListener listener) {
        this.inputs = inputs;
        this.buildKubeconfig = buildKubeconfig;
        this.stageKubeconfigs = new LinkedHashMap<>(stageKubeconfigs);
        this.git = git;
        this.listener = listener;
    }

    @Override
    public ArrayList<String> invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        throw EngineSupport.missing("carvelGitopsBootstrap", "bootstrap service (engine.kube)");
    }

    @Override
    public String toString() {
        return "carvelGitopsBootstrap " + inputs.config();
    }
}
