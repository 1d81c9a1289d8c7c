package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.result.Document;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The decision of a wait for a pull request's merge, apart from the loop: one look at the pull request
 * as the provider reports it says merged, closed unmerged or still pending, and a pending one past the
 * deadline has timed out. Nothing here sleeps or reads a clock; the CLI's blocking wait and the Jenkins
 * step's timer ticks both call it. The merge commit of a merged one is what {@code verify} waits for.
 */
public final class MergeWait {

    /** What one look at the pull request says. */
    public enum Look {
        MERGED, CLOSED, PENDING
    }

    /** How a wait ended. */
    public enum Ending {
        MERGED, CLOSED, TIMED_OUT
    }

    /** How the wait ended and the pull request as last read. */
    public record Result(Ending ending, PullRequest pullRequest, Duration waited) {
        public Result {
            Objects.requireNonNull(ending, "ending");
            Objects.requireNonNull(pullRequest, "pullRequest");
            Objects.requireNonNull(waited, "waited");
        }

        /** {@code merged}, {@code closed} or {@code timedOut} (the word of {@link State#TIMED_OUT}). */
        public String endingWord() {
            return switch (ending) {
                case MERGED -> "merged";
                case CLOSED -> "closed";
                case TIMED_OUT -> State.TIMED_OUT.word();
            };
        }

        /**
         * The pull request as last read (provider, number, url, branch, headCommit, state, mergeCommit,
         * closedBy), then wait ({@link #endingWord()}) and waitedSeconds.
         */
        public Document toDocument(ProviderKind provider) {
            return PullRequestOutcome.pullRequestDocument(provider, pullRequest).put("wait", endingWord())
                    .put("waitedSeconds", waited.toSeconds());
        }
    }

    /** How often a wait looks at the pull request. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(15);

    private MergeWait() {
    }

    /** One look: merged, closed unmerged, or still open. */
    public static Look evaluate(PullRequest now) {
        return switch (now.state()) {
            case MERGED -> Look.MERGED;
            case CLOSED -> Look.CLOSED;
            case OPEN -> Look.PENDING;
        };
    }

    /**
     * The end of a wait that started at {@code start} and looked at {@code now} at {@code at}; null while it
     * is pending before {@code deadline}.
     */
    public static Result decide(PullRequest now, Instant start, Instant at, Instant deadline) {
        Duration waited = Duration.between(start, at);
        return switch (evaluate(now)) {
            case MERGED -> new Result(Ending.MERGED, now, waited);
            case CLOSED -> new Result(Ending.CLOSED, now, waited);
            case PENDING -> at.isBefore(deadline) ? null : new Result(Ending.TIMED_OUT, now, waited);
        };
    }

    /** How long to wait before the next look: the poll interval, or what is left until the deadline. */
    public static Duration untilNextLook(Instant at, Instant deadline, Duration poll) {
        Duration left = Duration.between(at, deadline);
        return left.isNegative() ? Duration.ZERO : left.compareTo(poll) < 0 ? left : poll;
    }

    /** The line a wait starts with. */
    public static String started(String url, Duration timeout) {
        return "waiting up to " + timeout.toSeconds() + "s for " + url + " to be merged";
    }

    /** The line a wait ends with: merged (by whom, as which commit), closed (by whom), or still open. */
    public static String ended(Result result, Duration timeout) {
        PullRequest now = result.pullRequest();
        String by = now.closedBy() == null ? "" : " by " + now.closedBy();
        return switch (result.ending()) {
            case MERGED -> now.url() + " was merged" + by + (now.mergeCommit() == null ? "" : " as " + now.mergeCommit());
            case CLOSED -> now.url() + " was closed without merging" + by;
            case TIMED_OUT -> now.url() + " is still open after " + timeout.toSeconds() + "s";
        };
    }
}
