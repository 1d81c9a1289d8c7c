package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.ProviderKind;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeWaitLoopTest {

    private static final String URL = "https://github.com/acme/gitops/pull/41";

    private final MovingClock clock = new MovingClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private PullRequest.State state = PullRequest.State.OPEN;
    private int looks;

    @Test
    void looksEveryPollUntilMergedAndReturnsTheMergeCommit() {
        MergeWait.Result result = loop(Duration.ofSeconds(15), 2).await(pr(PullRequest.State.OPEN),
                Duration.ofMinutes(10));

        assertThat(result.ending()).isEqualTo(MergeWait.Ending.MERGED);
        assertThat(result.pullRequest().mergeCommit()).isEqualTo("9c1e0d4");
        assertThat(result.waited()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15));
        assertThat(lines).last().asString().isEqualTo("success " + URL + " was merged by alice as 9c1e0d4");
    }

    @Test
    void theLastSleepEndsAtTheDeadlineAndTheWaitTimesOut() {
        MergeWait.Result result = loop(Duration.ofSeconds(40), Integer.MAX_VALUE).await(pr(PullRequest.State.OPEN),
                Duration.ofSeconds(100));

        assertThat(result.ending()).isEqualTo(MergeWait.Ending.TIMED_OUT);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofSeconds(20));
        assertThat(looks).isEqualTo(4);
        assertThat(lines).last().asString().isEqualTo("failure " + URL + " is still open after 100s");
    }

    private MergeWaitLoop loop(Duration poll, int mergedAfterSleeps) {
        PullRequestHost host = new FakeHost() {
            @Override
            public PullRequest get(int number) {
                looks++;
                return pr(sleeps.size() >= mergedAfterSleeps ? PullRequest.State.MERGED : state);
            }
        };
        return new MergeWaitLoop(host, clock, d -> {
            sleeps.add(d);
            clock.now = clock.now.plus(d);
        }, poll, e -> lines.add(e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.message()));
    }

    private static PullRequest pr(PullRequest.State state) {
        boolean merged = state == PullRequest.State.MERGED;
        return new PullRequest(41, URL, "carvel-gitops/hello.default.tap/prod/1.4.0", "3f2a1c9", state,
                merged ? "9c1e0d4" : null, merged ? "alice" : null, "t", "b");
    }

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private abstract static class FakeHost implements PullRequestHost {
        @Override
        public ProviderKind kind() {
            return ProviderKind.GITHUB;
        }

        @Override
        public List<PullRequest> open(String base, String headPrefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PullRequest create(String head, String base, String title, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PullRequest edit(int number, String title, String body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void comment(int number, String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close(int number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void decorate(PullRequest pullRequest, PullRequestSettings settings) {
            throw new UnsupportedOperationException();
        }
    }
}
