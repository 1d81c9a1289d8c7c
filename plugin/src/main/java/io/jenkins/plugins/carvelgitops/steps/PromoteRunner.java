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

/** The controller side of a promotion, shared by the step and the freestyle builder. */
final class PromoteRunner {

    private PromoteRunner() {
    }

    static Delivery run(PromoteSettings s, Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        LinkedHashMap<String, String> overrides;
        try {
            s.check();
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
        Delivery d = workspace.act(new PromoteCallable(inputs, s, git, new GitSettings(env), listener));
        CarvelGitopsAction.of(run).record(d);
        run.save();
        listener.getLogger().println(ConsoleProgress.PREFIX + d.summary());
        return d;
    }
}
