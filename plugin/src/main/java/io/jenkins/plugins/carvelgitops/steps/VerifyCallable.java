package io.jenkins.plugins.carvelgitops.steps;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import jenkins.security.MasterToSlaveCallable;

/**
 * The wait itself, on the agent that holds the workspace: reads the config, requests a reconcile when
 * asked, and watches the build cluster's GitRepository and Kustomizations and each stage's
 * PackageInstall until all are ready at the targets, a failure is certain, the deadline passes, or the
 * thread is interrupted (abort: the watches end). Carries the kubeconfigs only in memory.
 *
 * <p>Written against the engine's cancellable, watch-driven waiter in {@code engine.verify} (pure
 * {@code ReadinessRules} decision, {@code ClusterAccess} watches, {@code KubeconfigAuth} values);
 * until that waiter is part of the engine this build depends on, the step stops with a one-line
 * message.
 */
final class VerifyCallable extends MasterToSlaveCallable<ArrayList<StageResult>, IOException> {

    private static final long serialVersionUID = 1L;

    private final String workspace;
    private final ConfigInputs inputs;
    private final VerifyTargets targets;
    private final long deadlineMillis;
    private final boolean reconcile;
    private final String buildKubeconfig;
    private final LinkedHashMap<String, String> stageKubeconfigs;
    private final TaskListener listener;

    VerifyCallable(String workspace, ConfigInputs inputs, VerifyTargets targets, long deadlineMillis,
            boolean reconcile, String buildKubeconfig, LinkedHashMap<String, String> stageKubeconfigs,
            TaskListener listener) {
        this.workspace = workspace;
        this.inputs = inputs;
        this.targets = targets;
        this.deadlineMillis = deadlineMillis;
        this.reconcile = reconcile;
        this.buildKubeconfig = buildKubeconfig;
        this.stageKubeconfigs = new LinkedHashMap<>(stageKubeconfigs);
        this.listener = listener;
    }

    @Override
    public ArrayList<StageResult> call() throws IOException {
        throw EngineSupport.missing("fluxVerify", "watch-driven waiter (engine.verify)");
    }

    @Override
    public String toString() {
        return "fluxVerify " + targets.describe();
    }
}
