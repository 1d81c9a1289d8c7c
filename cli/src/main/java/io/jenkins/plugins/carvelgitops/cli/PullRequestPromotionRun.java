package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteOptions;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHosts;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestOutcome;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestPromoteService;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code promote --pull-request} (or to a {@code pullRequest: true} stage): the promotion as a pull
 * request, optionally waiting for its merge. Exit 0 opened (or merged), 4 closed unmerged, 5 still open
 * when {@code --wait-merge} ran out.
 */
final class PullRequestPromotionRun {

    private PullRequestPromotionRun() {
    }

    static Duration parseWait(String value) {
        if (value == null) {
            return null;
        }
        if (!FluxDuration.isValid(value) || FluxDuration.parse(value).isZero()) {
            throw ValidationException.of("--wait-merge", value, "is not a duration", "write it like 30m, 2h or 90s");
        }
        return FluxDuration.parse(value);
    }

    static int run(PromoteJob job, RemoteAccessOptions remote, Duration wait, boolean json,
            PrintWriter out, StderrProgress progress) {
        Path base = job.configFile().toAbsolutePath().getParent();
        RemoteOptions options = remote.remoteOptions(progress);
        String token = options.auth() == null ? null : options.auth().token();
        PullRequestHost[] host = new PullRequestHost[1];
        PullRequestPromoteService service = new PullRequestPromoteService(config -> remote.open(config, base, progress),
                address -> host[0] = PullRequestHosts.open(address, token, "GIT_TOKEN (or --token-file)"), progress);
        PullRequestOutcome outcome = service.run(job);
        if (wait != null && outcome.pullRequest() != null) {
            outcome = outcome.withWait(MergeWaitLoop.of(host[0], progress).await(outcome.pullRequest(), wait));
        }
        if (json) {
            out.println(Json.write(outcome.toDocument().map()));
        } else {
            printText(out, outcome);
        }
        out.flush();
        if (outcome.mergeWait() == null) {
            return ExitCodes.OK;
        }
        return switch (outcome.mergeWait().ending()) {
            case MERGED -> ExitCodes.OK;
            case CLOSED -> ExitCodes.FAILED;
            case TIMED_OUT -> ExitCodes.TIMED_OUT;
        };
    }

    private static void printText(PrintWriter out, PullRequestOutcome o) {
        PullRequest pr = o.pullRequest();
        if (o.promotion().dryRun()) {
            out.print(o.promotion().commit().diff());
            out.println("dry run: a pull request would promote " + o.promotion().version() + " to " + o.promotion().to()
                    + ": " + o.promotion().commit().changes().size() + " files would change; nothing written");
            return;
        }
        if (pr == null) {
            out.println("no change: " + o.promotion().to() + " already pins " + o.promotion().packageName() + " "
                    + o.promotion().version() + "; no pull request needed");
            return;
        }
        String verb = switch (o.action()) {
            case "created" -> "opened";
            case "updated" -> "updated";
            default -> "unchanged:";
        };
        out.println(verb + " " + o.provider().title() + " pull request #" + pr.number() + " " + pr.url() + " (branch "
                + pr.headBranch() + ", head " + Revisions.shortSha(pr.headSha()) + "): " + o.promotion().version() + " to "
                + o.promotion().to() + (o.promotion().previous() == null ? "" : " (was " + o.promotion().previous()
                        + ")"));
        o.superseded().forEach(s -> out.println("closed #" + s.number() + " " + s.url() + ": superseded"));
        if (o.mergeWait() != null) {
            switch (o.mergeWait().ending()) {
                case MERGED -> out.println("merged" + by(pr) + " as " + pr.mergeCommit());
                case CLOSED -> out.println("closed without merging" + by(pr));
                case TIMED_OUT -> out.println("still open after "
                        + FluxDuration.format(o.mergeWait().waited().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            }
        }
    }

    private static String by(PullRequest pr) {
        return pr.closedBy() == null ? "" : " by " + pr.closedBy();
    }
}
