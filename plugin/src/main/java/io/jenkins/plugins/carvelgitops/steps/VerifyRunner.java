package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.credentials.CredentialLookup;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import io.jenkins.plugins.carvelgitops.ui.StageTable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Verification for freestyle jobs, which hold an executor for the whole build anyway: the same
 * agent-side wait as {@code fluxVerify}, called and awaited directly.
 */
public final class VerifyRunner {

    private VerifyRunner() {
    }

    public static List<StageResult> run(VerifySettings s, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        CarvelGitopsGlobalConfiguration global = CarvelGitopsGlobalConfiguration.get();
        ConfigInputs inputs;
        VerifyTargets targets;
        long deadline;
        try {
            inputs = new ConfigInputs(StepParameters.configOrDefault(s.getConfig()), global.configDefaults(),
                    new LinkedHashMap<>(s.overrideMap()));
            targets = VerifyTargets.of(s.stageList(), s.checkedRevision(), CarvelGitopsAction.of(run).pushedByStage());
            deadline = System.currentTimeMillis() + s.timeoutDuration().toMillis();
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        String buildId = s.getKubeconfigCredentialsId() != null ? s.getKubeconfigCredentialsId()
                : global.getKubeconfigCredentialsId();
        if (buildId == null) {
            throw new AbortException("verification needs the build cluster's kubeconfig: choose a kubeconfig "
                    + "credential or set one in the global configuration");
        }
        String build = CredentialLookup.kubeconfig(run, buildId);
        LinkedHashMap<String, String> stageKubeconfigs = new LinkedHashMap<>();
        for (String stage : targets.stages()) {
            String id = global.stageKubeconfig(stage);
            if (id != null) {
                stageKubeconfigs.put(stage, CredentialLookup.kubeconfig(run, id));
            }
        }
        String gitId = s.getCredentialsId() != null ? s.getCredentialsId() : global.getCredentialsId();
        StandardUsernamePasswordCredentials git = gitId == null ? null
                : CredentialLookup.git(run, gitId, ConfiguredRepositoryUrl.of(workspace, inputs));
        VirtualChannel channel = workspace.getChannel();
        if (channel == null) {
            throw new AbortException("the agent holding the workspace is offline");
        }
        VerifyOutcome outcome = channel.call(new VerifyCallable(workspace.getRemote(), inputs, targets,
                deadline, s.isReconcile(), build, stageKubeconfigs, git, listener));
        conclude("verification", outcome, run, listener);
        return outcome.getStages();
    }

    /**
     * Records the per-stage results on the build's Carvel GitOps page; when every stage is ready prints
     * the table, else fails with the controllers' message and the table.
     */
    static void conclude(String step, VerifyOutcome outcome, Run<?, ?> run, TaskListener listener)
            throws IOException {
        CarvelGitopsAction.of(run).record(outcome.getRevision(), outcome.getStages());
        run.save();
        if (!outcome.isReady()) {
            throw new AbortException(outcome.failure(step));
        }
        StageTable.lines(outcome.getStages()).forEach(listener.getLogger()::println);
    }
}
