package io.jenkins.plugins.carvelgitops.steps;

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
import java.util.ArrayList;
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
        VirtualChannel channel = workspace.getChannel();
        ArrayList<StageResult> results = channel.call(new VerifyCallable(workspace.getRemote(), inputs, targets,
                deadline, s.isReconcile(), build, stageKubeconfigs, listener));
        String revision = results.stream().map(StageResult::getRevision).filter(r -> r != null).findFirst()
                .orElse(null);
        CarvelGitopsAction.of(run).record(revision, results);
        run.save();
        StageTable.lines(results).forEach(listener.getLogger()::println);
        List<String> notReady = results.stream().filter(r -> !r.isReady()).map(StageResult::getStage).toList();
        if (!notReady.isEmpty()) {
            throw new AbortException("not delivered on " + String.join(", ", notReady) + " (see the table above)");
        }
        return results;
    }
}
