package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestException;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import java.time.Duration;
import java.time.Instant;

/**
 * One timer tick of a {@link MergeWatch}: a look at the pull request and the engine's
 * decision ({@link MergeWait#decide}), or when to look next. A provider that cannot be reached is looked
 * at again until the deadline (the wait outlives a network hiccup); a refusal (a revoked token, a
 * deleted repository) ends the wait at once. Free of Jenkins types, so it is tested with a fake host
 * and chosen instants.
 */
final class MergeLook {

    static final Duration POLL = MergeWait.DEFAULT_POLL;

    /**
     * @param result  how the wait ended; null while it goes on
     * @param next    when to look again (only while it goes on)
     * @param warning a line for the log: why this look saw nothing; null when it saw the pull request
     */
    record Tick(MergeWait.Result result, Duration next, String warning) {
    }

    private MergeLook() {
    }

    /** @throws PullRequestException when the provider refused the look, or was unreachable at the deadline */
    static Tick look(PullRequestHost host, int number, Instant start, Instant now, Instant deadline) {
        try {
            MergeWait.Result result = MergeWait.decide(host.get(number), start, now, deadline);
            return result != null ? new Tick(result, null, null)
                    : new Tick(null, MergeWait.untilNextLook(now, deadline, POLL), null);
        } catch (PullRequestException e) {
            if (!e.unreachable() || !now.isBefore(deadline)) {
                throw e;
            }
            return new Tick(null, MergeWait.untilNextLook(now, deadline, POLL), e.getMessage());
        }
    }
}
