package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.ProviderKind;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestOutcome;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** carvelGitopsPromote's pullRequest result map, and waitForMerge endings that fail the step. */
class PullRequestResultsTest {

    static Delivery through(PullRequest.State state, MergeWait.Ending ending) {
        PullRequest pr = new PullRequest(42, "https://github.com/acme/gitops/pull/42",
                "carvel-gitops/app.default.tap/prod/1.2.3", "89abcdef", state,
                state == PullRequest.State.MERGED ? "m3rg3" : null, state == PullRequest.State.OPEN ? null : "bob",
                "t", "b");
        PullRequestOutcome o = new PullRequestOutcome(new io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome(
                "app.default.tap", "1.2.3", "qa", "prod", "1.2.2", false,
                new io.jenkins.plugins.carvelgitops.engine.git.CommitResult("89abcdef", true, List.of(), ""), false),
                new io.jenkins.plugins.carvelgitops.engine.pullrequest.RepositoryAddress(ProviderKind.GITHUB,
                        java.net.URI.create("https://api.github.com"), "acme/gitops"), pr, "created", List.of(), null);
        if (ending != null) {
            o = o.withWait(new MergeWait.Result(ending, pr, Duration.ofSeconds(90)));
        }
        return Delivery.promoted(o.promotion(), o.toDocument(), o.summary(), "https://github.com/acme/gitops.git",
                "main");
    }

    @Test
    void thePromoteResultCarriesThePullRequestAsPlainValues() throws Exception {
        Map<String, Object> m = through(PullRequest.State.OPEN, null).getDocument();
        StepReturnValuesTest.assertPlain(m);
        @SuppressWarnings("unchecked")
        Map<String, Object> pr = (Map<String, Object>) m.get("pullRequest");
        assertThat(pr).containsEntry("provider", "github").containsEntry("number", 42L)
                .containsEntry("url", "https://github.com/acme/gitops/pull/42")
                .containsEntry("branch", "carvel-gitops/app.default.tap/prod/1.2.3")
                .containsEntry("headCommit", "89abcdef").containsEntry("state", "open").containsEntry("action", "created");
        assertThat(pr.get("superseded")).isInstanceOf(ArrayList.class);
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(m);
    }

    @Test
    void aMergedWaitPassesAndReturnsTheMergeCommit() throws Exception {
        Delivery d = through(PullRequest.State.MERGED, MergeWait.Ending.MERGED);
        PullRequestResults.failIfNotMerged(d);
        assertThat(d.getPullRequest()).containsEntry("mergeCommit", "m3rg3").containsEntry("wait", "merged");
    }

    @Test
    void closedOrStillOpenFailsTheStepSayingWhich() {
        assertThatThrownBy(() -> PullRequestResults.failIfNotMerged(through(PullRequest.State.CLOSED,
                MergeWait.Ending.CLOSED))).isInstanceOf(AbortException.class)
                .hasMessage("pull request https://github.com/acme/gitops/pull/42 was closed without merging by bob");
        assertThatThrownBy(() -> PullRequestResults.failIfNotMerged(through(PullRequest.State.OPEN,
                MergeWait.Ending.TIMED_OUT))).isInstanceOf(AbortException.class)
                .hasMessageContaining("is still open after 90s");
    }

    @Test
    void theStepFieldsSurviveVariableExpansion() {
        PromoteSettings s = new PromoteSettings("prod");
        s.setPullRequest(true);
        s.setWaitForMerge(" ${WAIT} ");
        PromoteSettings e = s.expanded(v -> v.replace("${WAIT}", "30m"));
        assertThat(e.isPullRequest()).isTrue();
        assertThat(e.getWaitForMerge()).isEqualTo("30m");
    }
}
