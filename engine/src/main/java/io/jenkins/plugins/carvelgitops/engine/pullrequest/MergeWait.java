package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Waits for a pull request to be merged or closed, reading its state from the provider every poll
 * interval until the deadline. The merge commit it returns is what {@code verify} waits for.
 */
public final class MergeWait {

    /** Waits between polls; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public enum Ending {
        MERGED, CLOSED, TIMED_OUT
    }

    /** How the wait ended and the pull request as last read. */
    public record Result(Ending ending, PullRequest pullRequest, Duration waited) {
    }

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(15);

    private final PullRequestHost host;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration poll;
    private final ProgressListener listener;

    public MergeWait(PullRequestHost host, Clock clock, Sleeper sleeper, Duration poll, ProgressListener listener) {
        this.host = Objects.requireNonNull(host, "host");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public static MergeWait of(PullRequestHost host, ProgressListener listener) {
        return new MergeWait(host, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), DEFAULT_POLL, listener);
    }

    public Result await(PullRequest pullRequest, Duration timeout) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        listener.waiting("waiting up to " + timeout.toSeconds() + "s for " + pullRequest.url() + " to be merged");
        while (true) {
            PullRequest now = host.get(pullRequest.number());
            Duration waited = Duration.between(start, clock.instant());
            if (now.state() == PullRequest.State.MERGED) {
                listener.success(now.url() + " was merged" + (now.closedBy() == null ? "" : " by " + now.closedBy())
                        + (now.mergeCommit() == null ? "" : " as " + now.mergeCommit()));
                return new Result(Ending.MERGED, now, waited);
            }
            if (now.state() == PullRequest.State.CLOSED) {
                listener.failure(now.url() + " was closed without merging" + (now.closedBy() == null ? ""
                        : " by " + now.closedBy()));
                return new Result(Ending.CLOSED, now, waited);
            }
            Instant current = clock.instant();
            if (!current.isBefore(deadline)) {
                listener.failure(now.url() + " is still open after " + timeout.toSeconds() + "s");
                return new Result(Ending.TIMED_OUT, now, waited);
            }
            Duration left = Duration.between(current, deadline);
            try {
                sleeper.sleep(left.compareTo(poll) < 0 ? left : poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullRequestException("interrupted while waiting for " + now.url() + " to be merged; it "
                        + "stays open");
            }
        }
    }
}
