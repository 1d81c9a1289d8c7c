package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteService;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestPromoteService;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;

/**
 * Runs the engine's promotion ({@link PromoteService}) where the workspace is: checks the request
 * against the config, then plans the promotion on the repository's head and publishes it (planned
 * again on a newer head when someone pushed first).
 */
final class PromoteCallable extends DeliveryCallable {

    private static final long serialVersionUID = 1L;

    private final String from;
    private final String to;
    private final String version;
    private final boolean allowDowngrade;
    private final boolean dryRun;
    private final String message;
    private final boolean pullRequest;
    private final String waitForMerge;

    PromoteCallable(ConfigInputs inputs, PromoteSettings s, StandardUsernamePasswordCredentials credential,
            GitSettings git, TaskListener listener) {
        super(inputs, credential, git, listener);
        this.from = s.getFrom();
        this.to = s.getTo();
        this.version = s.getVersion();
        this.allowDowngrade = s.isAllowDowngrade();
        this.dryRun = s.isDryRun();
        this.message = s.getMessage();
        this.pullRequest = s.isPullRequest();
        this.waitForMerge = s.getWaitForMerge();
    }

    @Override
    Delivery deliver(Request r, Repos repos, ConsoleProgress progress) {
        PromoteJob job = new PromoteJob(r.configFile(), r.inputs().toEngine(r.configFile()), from, to, version,
                allowDowngrade, message, dryRun);
        if (PullRequestPromoteService.wanted(job, pullRequest) || waitForMerge != null) {
            return PullRequestResults.promote(job, repos, token(), waitForMerge, progress);
        }
        PromoteOutcome outcome = new PromoteService(repos, progress).run(job);
        return Delivery.of(outcome, repos.url(), repos.branch());
    }

    @Override
    public String toString() {
        return "carvelGitopsPromote to " + to;
    }
}
