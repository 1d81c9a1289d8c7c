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
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The controller side of a render or a promotion, shared by the steps and the freestyle builders:
 * checks the parameters, resolves the Git credential (recording its use), runs the callable where the
 * workspace is, and records the result on the build.
 */
final class DeliveryRunner {

    /** Builds the agent-side work from what the controller resolved. */
    @FunctionalInterface
    private interface Work {
        DeliveryCallable on(ConfigInputs inputs, StandardUsernamePasswordCredentials credential, GitSettings git)
                throws IOException, InterruptedException;
    }

    private DeliveryRunner() {
    }

    static Delivery render(RenderSettings s, Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        List<String> stages;
        try {
            stages = s.stageList();
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        return deliver(s.getConfig(), s.getOverrides(), s.getCredentialsId(), run, workspace, env, listener,
                (inputs, credential, git) -> new RenderCallable(inputs, s.getPackageFile(), stages, s.getMessage(),
                        s.isDryRun(), s.isAllowDowngrade(), s.isKeepVersion(), credential, git, listener));
    }

    /** @param waitHere whether a {@code waitForMerge} wait runs in the callable (the Freestyle builder's) */
    static Delivery promote(PromoteSettings s, Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener,
            boolean waitHere) throws IOException, InterruptedException {
        try {
            s.check();
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        return deliver(s.getConfig(), s.getOverrides(), s.getCredentialsId(), run, workspace, env, listener,
                (inputs, credential, git) -> new PromoteCallable(inputs, s, credential, git,
                        LiveKubeconfigs.resolve(s, inputs, run, workspace), waitHere, listener));
    }

    private static Delivery deliver(String config, String overridesText, String credentialsId, Run<?, ?> run,
            FilePath workspace, EnvVars env, TaskListener listener, Work work)
            throws IOException, InterruptedException {
        LinkedHashMap<String, String> overrides;
        try {
            overrides = new LinkedHashMap<>(StepParameters.overrides(overridesText));
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        CarvelGitopsGlobalConfiguration global = CarvelGitopsGlobalConfiguration.get();
        ConfigInputs inputs = new ConfigInputs(StepParameters.configOrDefault(config), global.configDefaults(),
                overrides);
        String id = credentialsId != null ? credentialsId : global.getCredentialsId();
        StandardUsernamePasswordCredentials credential = id == null ? null
                : CredentialLookup.git(run, id, ConfiguredRepositoryUrl.of(workspace, inputs));
        Delivery d = workspace.act(work.on(inputs, credential, GitSettings.forBuild(env)));
        CarvelGitopsAction.of(run).record(d);
        run.save();
        listener.getLogger().println(ConsoleProgress.PREFIX + d.summary());
        return d;
    }
}
