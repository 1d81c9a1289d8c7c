package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteService;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestPromoteService;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the engine's promotion ({@link PromoteService}) where the workspace is: checks the request
 * against the config, then plans the promotion on the repository's head and publishes it (planned
 * again on a newer head when someone pushed first). With {@code requireLive} it carries the source stage's
 * kubeconfig in memory ({@link CredentialLiveCheck}); the engine decides what the stage's answer means.
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
    /** Whether the wait for the merge runs here (the Freestyle builder) or after the callable (the step). */
    private final boolean waitHere;
    /** Kubeconfig content by stage for {@code requireLive}; null when the promotion does not require it. */
    private final LinkedHashMap<String, String> liveKubeconfigs;

    /**
     * @param liveKubeconfigs the source stage's kubeconfig content for {@code requireLive} (empty when no
     *                        credential names it); ignored unless {@code s} requires it live
     * @param waitHere        whether {@code waitForMerge} waits in the callable; else it is only checked
     */
    PromoteCallable(ConfigInputs inputs, PromoteSettings s, StandardUsernamePasswordCredentials credential,
            GitSettings git, Map<String, String> liveKubeconfigs, boolean waitHere, TaskListener listener) {
        super(inputs, credential, git, listener);
        this.from = s.getFrom();
        this.to = s.getTo();
        this.version = s.getVersion();
        this.allowDowngrade = s.isAllowDowngrade();
        this.dryRun = s.isDryRun();
        this.message = s.getMessage();
        this.pullRequest = s.isPullRequest();
        this.waitForMerge = s.getWaitForMerge();
        this.waitHere = waitHere;
        this.liveKubeconfigs = s.isRequireLive() ? new LinkedHashMap<>(liveKubeconfigs) : null;
    }

    @Override
    Delivery deliver(Request r, Repos repos, ConsoleProgress progress) {
        PromoteJob job = PromoteJob.builder(r.configFile()).overrides(r.inputs().toEngine(r.configFile())).from(from)
                .to(to).version(version).allowDowngrade(allowDowngrade).message(message).dryRun(dryRun)
                .requireLive(liveKubeconfigs == null ? null : new CredentialLiveCheck(liveKubeconfigs)).build();
        if (PullRequestPromoteService.wanted(job, pullRequest) || waitForMerge != null) {
            return PullRequestResults.promote(job, repos, token(), waitForMerge, waitHere, progress);
        }
        PromoteOutcome outcome = new PromoteService(repos, progress).run(job);
        return Delivery.promoted(outcome, outcome.toDocument(), null, repos.url(), repos.branch());
    }

    @Override
    public String toString() {
        return "carvelGitopsPromote to " + to;
    }
}
