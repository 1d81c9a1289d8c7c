package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.ProviderKind;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestException;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The ticks of {@code carvelGitopsWaitForMerge}, with a scripted host and chosen instants for the clock. */
class MergeLookTest {

    private static final String URL = "https://gitlab.acme.example/g/gitops/-/merge_requests/7";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant DEADLINE = START.plus(Duration.ofMinutes(1));

    @Test
    void anOpenPullRequestIsLookedAtAgainAfterThePollAndTheLastLookIsAtTheDeadline() {
        PullRequestHost host = scripted(() -> pr(PullRequest.State.OPEN));

        MergeLook.Tick first = MergeLook.look(host, 7, START, START, DEADLINE);
        MergeLook.Tick late = MergeLook.look(host, 7, START, START.plusSeconds(50), DEADLINE);
        MergeLook.Tick last = MergeLook.look(host, 7, START, DEADLINE, DEADLINE);

        assertThat(first.result()).isNull();
        assertThat(first.next()).isEqualTo(Duration.ofSeconds(15));
        assertThat(late.next()).isEqualTo(Duration.ofSeconds(10));
        assertThat(last.result().ending()).isEqualTo(MergeWait.Ending.TIMED_OUT);
        assertThat(MergeWait.ended(last.result(), Duration.ofMinutes(1))).isEqualTo(URL + " is still open after 60s");
    }

    @Test
    void aMergeEndsTheWaitWithTheMergeCommitAndTheTimeWaited() {
        MergeLook.Tick t = MergeLook.look(scripted(() -> pr(PullRequest.State.MERGED)), 7, START,
                START.plusSeconds(45), DEADLINE);

        assertThat(t.result().ending()).isEqualTo(MergeWait.Ending.MERGED);
        assertThat(t.result().pullRequest().mergeCommit()).isEqualTo("9c1e0d4");
        assertThat(t.result().toDocument(ProviderKind.GITLAB).map()).containsEntry("wait", "merged")
                .containsEntry("mergeCommit", "9c1e0d4").containsEntry("number", 7L).containsEntry("waitedSeconds", 45L)
                .containsEntry("provider", "gitlab").containsEntry("closedBy", "alice");
    }

    @Test
    void aClosedPullRequestEndsTheWaitNamingWhoClosedIt() {
        MergeLook.Tick t = MergeLook.look(scripted(() -> pr(PullRequest.State.CLOSED)), 7, START, START, DEADLINE);

        assertThat(t.result().ending()).isEqualTo(MergeWait.Ending.CLOSED);
        assertThat(MergeWait.ended(t.result(), Duration.ofMinutes(1))).isEqualTo(URL
                + " was closed without merging by alice");
    }

    @Test
    void anUnreachableProviderIsLookedAtAgainUntilTheDeadline() {
        Deque<Supplier<PullRequest>> script = new ArrayDeque<>(List.of(
                () -> {
                    throw unreachable();
                },
                () -> pr(PullRequest.State.MERGED)));
        PullRequestHost host = scripted(() -> script.pop().get());

        MergeLook.Tick away = MergeLook.look(host, 7, START, START, DEADLINE);
        MergeLook.Tick back = MergeLook.look(host, 7, START, START.plusSeconds(15), DEADLINE);

        assertThat(away.result()).isNull();
        assertThat(away.warning()).startsWith("cannot reach GitLab");
        assertThat(away.next()).isEqualTo(Duration.ofSeconds(15));
        assertThat(back.result().ending()).isEqualTo(MergeWait.Ending.MERGED);
        assertThatThrownBy(() -> MergeLook.look(scripted(() -> {
            throw unreachable();
        }), 7, START, DEADLINE, DEADLINE)).as("at the deadline it fails with why").hasMessageStartingWith("cannot reach");
    }

    @Test
    void aRefusalEndsTheWaitAtOnce() {
        PullRequestHost host = scripted(() -> {
            throw new PullRequestException("GitLab refused GET /projects/g%2Fgitops/merge_requests/7 (HTTP 401): "
                    + "401 Unauthorized");
        });

        assertThatThrownBy(() -> MergeLook.look(host, 7, START, START, DEADLINE))
                .isInstanceOf(PullRequestException.class).hasMessageContaining("HTTP 401");
    }

    private static PullRequestException unreachable() {
        // built the way the engine builds it: a refused connection while calling the API
        try {
            io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHosts.open(
                    io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestUrl.parse(
                            "http://127.0.0.1:1/g/gitops/-/merge_requests/7", null, "url").address(), "t", "t").get(7);
        } catch (PullRequestException e) {
            return e;
        }
        throw new AssertionError("port 1 answered");
    }

    private static PullRequest pr(PullRequest.State state) {
        boolean ended = state != PullRequest.State.OPEN;
        return new PullRequest(7, URL, "carvel-gitops/hello.default.tap/prod/1.4.0", "3f2a1c9", state,
                state == PullRequest.State.MERGED ? "9c1e0d4" : null, ended ? "alice" : null, "t", "b");
    }

    private static PullRequestHost scripted(Supplier<PullRequest> get) {
        return new PullRequestHost() {
            @Override
            public ProviderKind kind() {
                return ProviderKind.GITLAB;
            }

            @Override
            public PullRequest get(int number) {
                return get.get();
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
        };
    }
}
