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
 * The controller side of a render, shared by the step and the freestyle builder: checks parameters,
 * resolves the credential, runs {@link RenderCallable} where the workspace is, records the result on
 * the build.
 */
final class RenderRunner {

    private RenderRunner() {
    }

    static Delivery run(RenderSettings s, Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        List<String> stages;
        LinkedHashMap<String, String> overrides;
        try {
            stages = s.stageList();
            overrides = new LinkedHashMap<>(s.overrideMap());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        CarvelGitopsGlobalConfiguration global = CarvelGitopsGlobalConfiguration.get();
        ConfigInputs inputs = new ConfigInputs(StepParameters.configOrDefault(s.config()), global.configDefaults(),
                overrides);
        String credentialsId = s.credentialsId() != null ? s.credentialsId() : global.getCredentialsId();
        StandardUsernamePasswordCredentials git = credentialsId == null ? null
                : CredentialLookup.git(run, credentialsId, overrides.getOrDefault("repository.url",
                        global.getRepositoryUrl()));
        Delivery d = workspace.act(new RenderCallable(inputs, s.packageFile(), stages, s.message(), s.dryRun(), git,
                new GitSettings(env), listener));
        CarvelGitopsAction.of(run).record(d);
        run.save();
        listener.getLogger().println(ConsoleProgress.PREFIX + d.summary());
        return d;
    }
}
