package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestException;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code promote --wait-merge}: looks at the pull request every poll interval until
 * {@link MergeWait#decide} says it ended, sleeping on this thread in between. The decision is the
 * engine's; only this loop blocks.
 */
final class MergeWaitLoop {

    /** Waits between looks; replaced in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final PullRequestHost host;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration poll;
    private final ProgressListener listener;

    MergeWaitLoop(PullRequestHost host, Clock clock, Sleeper sleeper, Duration poll, ProgressListener listener) {
        this.host = Objects.requireNonNull(host, "host");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    static MergeWaitLoop of(PullRequestHost host, ProgressListener listener) {
        return new MergeWaitLoop(host, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), MergeWait.DEFAULT_POLL,
                listener);
    }

    MergeWait.Result await(PullRequest pullRequest, Duration timeout) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        listener.waiting(MergeWait.started(pullRequest.url(), timeout));
        while (true) {
            PullRequest now = host.get(pullRequest.number());
            Instant at = clock.instant();
            MergeWait.Result result = MergeWait.decide(now, start, at, deadline);
            if (result != null) {
                if (result.ending() == MergeWait.Ending.MERGED) {
                    listener.success(MergeWait.ended(result, timeout));
                } else {
                    listener.failure(MergeWait.ended(result, timeout));
                }
                return result;
            }
            try {
                sleeper.sleep(MergeWait.untilNextLook(at, deadline, poll));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullRequestException("interrupted while waiting for " + now.url() + " to be merged; it "
                        + "stays open");
            }
        }
    }
}
