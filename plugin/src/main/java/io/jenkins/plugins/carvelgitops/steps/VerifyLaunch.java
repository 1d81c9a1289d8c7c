package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.credentials.CredentialLookup;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * A verification as {@code fluxVerify} and the freestyle build step both launch it, decided once: the
 * config inputs, what to wait for, the deadline and the credential IDs (never the secrets). Small and
 * JDK-typed, so the step persists it and starts the wait again from it after a restart;
 * {@link #callable} resolves the credentials at the time of each launch.
 */
final class VerifyLaunch implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ConfigInputs inputs;
    private final VerifyTargets targets;
    private final long deadlineMillis;
    private final boolean reconcile;
    private final String kubeconfigCredentialsId;
    private final LinkedHashMap<String, String> stageCredentialIds;
    private final String gitCredentialsId;
    /** The repository URL the Git credential is matched against, read once from the workspace. */
    private String repositoryUrl;

    VerifyLaunch(ConfigInputs inputs, VerifyTargets targets, long deadlineMillis, boolean reconcile,
            String kubeconfigCredentialsId, LinkedHashMap<String, String> stageCredentialIds,
            String gitCredentialsId, String repositoryUrl) {
        this.inputs = inputs;
        this.targets = targets;
        this.deadlineMillis = deadlineMillis;
        this.reconcile = reconcile;
        this.kubeconfigCredentialsId = kubeconfigCredentialsId;
        this.stageCredentialIds = new LinkedHashMap<>(stageCredentialIds);
        this.gitCredentialsId = gitCredentialsId;
        this.repositoryUrl = repositoryUrl;
    }

    /**
     * From the settings, the global configuration and what earlier steps of the build pushed.
     *
     * @param noKubeconfig the message when neither the settings nor the global configuration name the build
     *                     cluster's kubeconfig (each adapter names its own field)
     */
    static VerifyLaunch of(VerifySettings settings, Run<?, ?> run, String noKubeconfig) throws AbortException {
        CarvelGitopsGlobalConfiguration global = CarvelGitopsGlobalConfiguration.get();
        ConfigInputs inputs;
        VerifyTargets targets;
        long deadline;
        try {
            inputs = new ConfigInputs(StepParameters.configOrDefault(settings.getConfig()), global.configDefaults(),
                    new LinkedHashMap<>(settings.overrideMap()));
            targets = VerifyTargets.of(settings.stageList(), settings.checkedRevision(),
                    CarvelGitopsAction.of(run).pushedByStage());
            deadline = System.currentTimeMillis() + settings.timeoutDuration().toMillis();
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        String buildId = settings.getKubeconfigCredentialsId() != null ? settings.getKubeconfigCredentialsId()
                : global.getKubeconfigCredentialsId();
        if (buildId == null) {
            throw new AbortException(noKubeconfig);
        }
        LinkedHashMap<String, String> stageIds = new LinkedHashMap<>();
        for (String stage : targets.stages()) {
            String id = global.stageKubeconfig(stage);
            if (id != null) {
                stageIds.put(stage, id);
            }
        }
        String gitId = settings.getCredentialsId() != null ? settings.getCredentialsId() : global.getCredentialsId();
        return new VerifyLaunch(inputs, targets, deadline, settings.isReconcile(), buildId, stageIds, gitId, null);
    }

    VerifyTargets targets() {
        return targets;
    }

    long deadlineMillis() {
        return deadlineMillis;
    }

    /**
     * The agent-side wait, with the credentials looked up (and tracked) for {@code run} now and the Git
     * settings publishing uses ({@code env}: the build's environment).
     */
    VerifyCallable callable(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        if (gitCredentialsId != null && repositoryUrl == null) {
            repositoryUrl = ConfiguredRepositoryUrl.of(workspace, inputs);
        }
        LinkedHashMap<String, String> stageKubeconfigs = new LinkedHashMap<>();
        for (var e : stageCredentialIds.entrySet()) {
            stageKubeconfigs.put(e.getKey(), CredentialLookup.kubeconfig(run, e.getValue()));
        }
        String build = CredentialLookup.kubeconfig(run, kubeconfigCredentialsId);
        StandardUsernamePasswordCredentials git = gitCredentialsId == null ? null
                : CredentialLookup.git(run, gitCredentialsId, repositoryUrl);
        return new VerifyCallable(workspace.getRemote(), inputs, targets, deadlineMillis, reconcile, build,
                stageKubeconfigs, git, GitSettings.forBuild(env), listener);
    }
}
