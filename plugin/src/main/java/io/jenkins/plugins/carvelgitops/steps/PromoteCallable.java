package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine's promotion where the workspace is.
 *
 * <p>Written against {@code engine.promote.PromoteService.run(PromoteJob)} returning a
 * {@code PromoteOutcome(packageName, version, from, to, previous, downgrade, commit, dryRun)}; until
 * that service is part of the engine this build depends on, the step stops with a one-line message.
 */
final class PromoteCallable extends MasterToSlaveFileCallable<Delivery> {

    private static final long serialVersionUID = 1L;

    private final ConfigInputs inputs;
    private final String from;
    private final String to;
    private final String version;
    private final boolean allowDowngrade;
    private final boolean dryRun;
    private final String message;
    private final StandardUsernamePasswordCredentials credential;
    private final GitSettings git;
    private final TaskListener listener;

    PromoteCallable(ConfigInputs inputs, PromoteSettings s, StandardUsernamePasswordCredentials credential,
            GitSettings git, TaskListener listener) {
        this.inputs = inputs;
        this.from = s.from();
        this.to = s.to();
        this.version = s.version();
        this.allowDowngrade = s.allowDowngrade();
        this.dryRun = s.dryRun();
        this.message = s.message();
        this.credential = credential;
        this.git = git;
        this.listener = listener;
    }

    @Override
    public Delivery invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        throw EngineSupport.missing("carvelGitopsPromote", "promote service (engine.promote.PromoteService)");
    }
}
