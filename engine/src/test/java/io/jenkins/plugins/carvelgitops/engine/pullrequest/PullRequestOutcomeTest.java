package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullRequestOutcomeTest {

    static final RepositoryAddress GHE = new RepositoryAddress(ProviderKind.GITHUB,
            URI.create("https://ghe.example.com/github/api/v3"), "acme/gitops");

    static PullRequest pullRequest(PullRequest.State state) {
        return new PullRequest(42, "https://ghe.example.com/acme/gitops/pull/42",
                "carvel-gitops/app.default.tap/prod/1.2.3", "89abcdef", state,
                state == PullRequest.State.MERGED ? "m3rg3" : null, state == PullRequest.State.OPEN ? null : "bob",
                "t", "b");
    }

    static PullRequestOutcome opened() {
        PromoteOutcome promotion = new PromoteOutcome("app.default.tap", "1.2.3", "qa", "prod", "1.2.2", false,
                new CommitResult("89abcdef", true, List.of(), ""), false);
        return new PullRequestOutcome(promotion, GHE, pullRequest(PullRequest.State.OPEN), "created",
                List.of(pullRequest(PullRequest.State.CLOSED)), null);
    }

    @Test
    void thePullRequestSaysWhichApiItWasOpenedThrough() {
        Map<String, Object> pr = opened().summary();
        assertThat(pr).containsEntry("provider", "github").containsEntry("apiUrl", "https://ghe.example.com/github/api/v3")
                .containsEntry("action", "created").containsEntry("superseded", List.of(42L)).doesNotContainKey("wait");
        assertThat(opened().provider()).isEqualTo(ProviderKind.GITHUB);
    }

    @Test
    void aWaitAfterTheOutcomeIsGoneEndsInTheSameDocumentAsAWaitWithIt() {
        for (MergeWait.Ending ending : MergeWait.Ending.values()) {
            PullRequest.State state = switch (ending) {
                case MERGED -> PullRequest.State.MERGED;
                case CLOSED -> PullRequest.State.CLOSED;
                case TIMED_OUT -> PullRequest.State.OPEN;
            };
            MergeWait.Result result = new MergeWait.Result(ending, pullRequest(state), Duration.ofSeconds(90));
            Map<String, Object> waitedWith = opened().withWait(result).toDocument().map();
            Map<String, Object> waitedAfter = PullRequestOutcome.afterWait(opened().toDocument().map(), result);
            assertThat(waitedAfter).as(ending.name()).isEqualTo(waitedWith);
            assertThat(List.copyOf(((Map<?, ?>) waitedAfter.get("pullRequest")).keySet()))
                    .isEqualTo(List.copyOf(((Map<?, ?>) waitedWith.get("pullRequest")).keySet()));
            Map<?, ?> pr = (Map<?, ?>) waitedAfter.get("pullRequest");
            assertThat(pr.get("waitedSeconds")).isEqualTo(90L);
            assertThat(pr.get("state")).isEqualTo(state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void aPromotionWithoutAPullRequestHasNothingToWaitFor() {
        PullRequestOutcome none = new PullRequestOutcome(opened().promotion(), null, null, "none", List.of(), null);
        assertThat(none.provider()).isNull();
        assertThatThrownBy(() -> PullRequestOutcome.afterWait(none.toDocument().map(), new MergeWait.Result(
                MergeWait.Ending.MERGED, pullRequest(PullRequest.State.MERGED), Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
