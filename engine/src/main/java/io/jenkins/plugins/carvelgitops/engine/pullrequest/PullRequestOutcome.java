package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.result.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a promotion through a pull request did.
 *
 * @param promotion   the promotion (its commit is the pull request's head, or the base head when nothing changed)
 * @param provider    the provider; null when no pull request was needed (nothing to change) or for a dry run
 * @param pullRequest the pull request as it stands now; null as for {@code provider}
 * @param action      {@code created}, {@code updated} (title, body or head changed), {@code unchanged}, or
 *                    {@code none} (no pull request needed)
 * @param superseded  older open promotion pull requests of the stage that this one closed
 * @param mergeWait   how the wait for the merge ended; null when none was asked for
 */
public record PullRequestOutcome(PromoteOutcome promotion, ProviderKind provider, PullRequest pullRequest,
        String action, List<PullRequest> superseded, MergeWait.Result mergeWait) {

    public PullRequestOutcome {
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(action, "action");
        superseded = List.copyOf(superseded);
    }

    /**
     * The pull request as plain values for results (CLI JSON, Pipeline maps): provider, number, url,
     * branch, headCommit, state, action, mergeCommit, closedBy, superseded, and the wait's ending
     * ({@code merged}, {@code closed}, {@code timedOut}) when there was one; null when no pull request was
     * needed.
     */
    public LinkedHashMap<String, Object> summary() {
        return pullRequest == null ? null : summary(provider, pullRequest, action, superseded, mergeWait);
    }

    static LinkedHashMap<String, Object> summary(ProviderKind provider, PullRequest pullRequest, String action,
            List<PullRequest> superseded, MergeWait.Result mergeWait) {
        Document p = pullRequestDocument(provider, pullRequest).put("action", action)
                .put("superseded", superseded.stream().map(s -> s.number()).toList());
        if (mergeWait != null) {
            p.put("wait", mergeWait.endingWord()).put("waitedSeconds", mergeWait.waited().toSeconds());
        }
        return p.map();
    }

    /** provider, number, url, branch, headCommit, state, mergeCommit, closedBy. */
    static Document pullRequestDocument(ProviderKind provider, PullRequest pullRequest) {
        return new Document().put("provider", provider.name().toLowerCase(Locale.ROOT))
                .put("number", pullRequest.number()).put("url", pullRequest.url())
                .put("branch", pullRequest.headBranch()).put("headCommit", pullRequest.headSha())
                .put("state", pullRequest.state().name().toLowerCase(Locale.ROOT))
                .put("mergeCommit", pullRequest.mergeCommit()).put("closedBy", pullRequest.closedBy());
    }

    /** The promotion's document ({@link PromoteOutcome#toDocument()}) with the pull request's summary. */
    public Document toDocument() {
        return promotion.toDocument().putIf(pullRequest != null, "pullRequest", summary());
    }

    public PullRequestOutcome withWait(MergeWait.Result result) {
        return new PullRequestOutcome(promotion, provider, result.pullRequest(), action, superseded, result);
    }
}
