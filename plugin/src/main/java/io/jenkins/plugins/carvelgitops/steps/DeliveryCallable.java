package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.promote.SourceNotLiveException;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import jenkins.MasterToSlaveFileCallable;

/**
 * An engine service run where the workspace is: render or promote. Carries only serializable inputs
 * (the credential travels in memory to the agent that pushes); Git and YAML objects are created here,
 * on the agent. Validation, Git and cluster failures, and a refused {@code requireLive}, end the step with
 * their one-line message.
 */
abstract class DeliveryCallable extends MasterToSlaveFileCallable<Delivery> {

    private static final long serialVersionUID = 1L;

    private final ConfigInputs inputs;
    private final StandardUsernamePasswordCredentials credential;
    private final GitSettings git;
    private final TaskListener listener;

    DeliveryCallable(ConfigInputs inputs, StandardUsernamePasswordCredentials credential, GitSettings git,
            TaskListener listener) {
        this.inputs = inputs;
        this.credential = credential;
        this.git = git;
        this.listener = listener;
    }

    /** What the service needs besides the repository: the workspace, the config file and its overrides. */
    record Request(Path workspace, Path configFile, ConfigInputs inputs) {
    }

    /** Opens the repository a config names, and remembers which one for the result. */
    static final class Repos implements Function<GitopsConfig, GitopsRepository> {

        private final Function<GitopsConfig, GitopsRepository> open;
        private GitopsConfig config;

        Repos(Function<GitopsConfig, GitopsRepository> open) {
            this.open = open;
        }

        @Override
        public GitopsRepository apply(GitopsConfig c) {
            config = c;
            return open.apply(c);
        }

        /** The repository URL as the config names it; null when none was opened. */
        String url() {
            return config == null ? null : config.repository().url();
        }

        String branch() {
            return config == null ? null : config.repository().branch();
        }
    }

    /** The credential's token, for a provider's API (pull requests); null without a credential. */
    final String token() {
        return credential == null ? null : credential.getPassword().getPlainText();
    }

    /** Runs the engine service with the repository {@code repos} opens. */
    abstract Delivery deliver(Request request, Repos repos, ConsoleProgress progress);

    @Override
    public final Delivery invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ConsoleProgress progress = new ConsoleProgress(listener.getLogger());
        Path ws = workspace.toPath();
        Path config = inputs.resolve(ws);
        try {
            return deliver(new Request(ws, config, inputs),
                    new Repos(c -> Repositories.open(c, config, ws, credential, git, listener, progress)), progress);
        } catch (ValidationException | GitopsGitException | ClusterException | SourceNotLiveException e) {
            throw new AbortException(StepSpelling.message(e));
        }
    }
}
