package io.jenkins.plugins.carvelgitops.steps;

import hudson.AbortException;
import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestException;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHosts;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestOutcome;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestPromoteService;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code carvelGitopsPromote pullRequest: true} (or to a {@code pullRequest: true} stage): the engine's
 * promotion through a pull request on the agent, with the Git credential's token for the provider's
 * API. {@code waitForMerge:} is checked here before anything is pushed; the Freestyle builder also waits
 * here (holding its executor, as a Freestyle build does anyway), the Pipeline step afterwards on a timer
 * ({@link PromoteExecution}).
 */
final class PullRequestResults {

    private PullRequestResults() {
    }

    static Delivery promote(PromoteJob job, DeliveryCallable.Repos repos, String token, String waitForMerge,
            boolean waitHere, ProgressListener progress) {
        Duration wait = null;
        if (waitForMerge != null) {
            if (!FluxDuration.isValid(waitForMerge) || FluxDuration.parse(waitForMerge).isZero()) {
                throw ValidationException.of("waitForMerge", waitForMerge, "is not a duration",
                        "write it like 30m, 2h or 90s");
            }
            if (!PullRequestPromoteService.wanted(job, true)) {
                throw ValidationException.of("waitForMerge", waitForMerge, "waits for a pull request",
                        "add pullRequest: true");
            }
            wait = FluxDuration.parse(waitForMerge);
        }
        PullRequestHost[] host = new PullRequestHost[1];
        PullRequestOutcome outcome = new PullRequestPromoteService(repos, address -> host[0] = PullRequestHosts.open(
                address, token, "credentialsId"), progress).run(job);
        if (wait != null && waitHere && outcome.pullRequest() != null) {
            outcome = outcome.withWait(awaitInStep(host[0], outcome.pullRequest(), wait, progress));
        }
        return Delivery.promoted(outcome.promotion(), outcome.toDocument(), outcome.summary(), repos.url(),
                repos.branch());
    }

    /** The Freestyle builder's {@code waitForMerge:}: a look every {@link MergeWait#DEFAULT_POLL} with the engine's decision. */
    private static MergeWait.Result awaitInStep(PullRequestHost host, PullRequest pullRequest, Duration timeout,
            ProgressListener progress) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        progress.waiting(MergeWait.started(pullRequest.url(), timeout));
        while (true) {
            Instant at = Instant.now();
            MergeWait.Result result = MergeWait.decide(host.get(pullRequest.number()), start, at, deadline);
            if (result != null) {
                if (result.ending() == MergeWait.Ending.MERGED) {
                    progress.success(MergeWait.ended(result, timeout));
                } else {
                    progress.failure(MergeWait.ended(result, timeout));
                }
                return result;
            }
            try {
                Thread.sleep(MergeWait.untilNextLook(at, deadline, MergeWait.DEFAULT_POLL).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullRequestException("interrupted while waiting for " + pullRequest.url() + " to be "
                        + "merged; it stays open");
            }
        }
    }

    /** A wait that ended without a merge fails the step: closed unmerged (and by whom), or still open. */
    static void failIfNotMerged(Delivery d) throws AbortException {
        Map<String, Object> pr = d.getPullRequest();
        if (pr == null || pr.get("wait") == null || "merged".equals(pr.get("wait"))) {
            return;
        }
        if ("closed".equals(pr.get("wait"))) {
            throw new AbortException("pull request " + pr.get("url") + " was closed without merging"
                    + (pr.get("closedBy") == null ? "" : " by " + pr.get("closedBy")));
        }
        throw new AbortException("pull request " + pr.get("url") + " is still open after " + pr.get("waitedSeconds")
                + "s (waitForMerge)");
    }
}
