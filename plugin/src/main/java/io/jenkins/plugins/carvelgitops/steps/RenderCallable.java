package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import io.jenkins.plugins.carvelgitops.engine.render.RenderService;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine's render where the workspace is. Carries only serializable inputs; Git and YAML
 * objects are created here, on the agent.
 */
final class RenderCallable extends MasterToSlaveFileCallable<Delivery> {

    private static final long serialVersionUID = 1L;

    private final ConfigInputs inputs;
    private final String packageFile;
    private final ArrayList<String> stages;
    private final String message;
    private final boolean dryRun;
    private final StandardUsernamePasswordCredentials credential;
    private final GitSettings git;
    private final TaskListener listener;

    RenderCallable(ConfigInputs inputs, String packageFile, List<String> stages, String message, boolean dryRun,
            StandardUsernamePasswordCredentials credential, GitSettings git, TaskListener listener) {
        this.inputs = inputs;
        this.packageFile = packageFile;
        this.stages = new ArrayList<>(stages);
        this.message = message;
        this.dryRun = dryRun;
        this.credential = credential;
        this.git = git;
        this.listener = listener;
    }

    @Override
    public Delivery invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ConsoleProgress progress = new ConsoleProgress(listener.getLogger());
        Path ws = workspace.toPath();
        Path config = inputs.resolve(ws);
        AtomicReference<GitopsConfig> used = new AtomicReference<>();
        try {
            RenderJob job = new RenderJob(config, inputs.toEngine(config),
                    packageFile == null ? null : ws.resolve(packageFile).normalize(), stages, message, dryRun);
            RenderOutcome outcome = new RenderService(c -> {
                used.set(c);
                return Repositories.open(c, config, credential, git, listener, progress);
            }, progress).run(job);
            GitopsConfig c = used.get();
            return Delivery.of("render", outcome.plan(), outcome.commit(), outcome.dryRun(),
                    c == null ? null : c.repository().url(), c == null ? null : c.repository().branch());
        } catch (ValidationException | GitopsGitException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
