package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.result.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a promotion through a pull request did.
 *
 * @param promotion   the promotion (its commit is the pull request's head, or the base head when nothing changed)
 * @param address     where the pull request lives (provider, API root, repository); null when no pull request
 *                    was needed (nothing to change) or for a dry run
 * @param pullRequest the pull request as it stands now; null as for {@code address}
 * @param action      {@code created}, {@code updated} (title, body or head changed), {@code unchanged}, or
 *                    {@code none} (no pull request needed)
 * @param superseded  older open promotion pull requests of the stage that this one closed
 * @param mergeWait   how the wait for the merge ended; null when none was asked for
 */
public record PullRequestOutcome(PromoteOutcome promotion, RepositoryAddress address, PullRequest pullRequest,
        String action, List<PullRequest> superseded, MergeWait.Result mergeWait) {

    public PullRequestOutcome {
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(action, "action");
        superseded = List.copyOf(superseded);
    }

    /**
     * The pull request as plain values for results (CLI JSON, Pipeline maps): provider, number, url,
     * branch, headCommit, state, mergeCommit, closedBy, apiUrl, action, superseded, and the wait's ending
     * ({@code merged}, {@code closed}, {@code timedOut}) when there was one; null when no pull request was
     * needed.
     */
    public LinkedHashMap<String, Object> summary() {
        return pullRequest == null ? null : summary(address, pullRequest, action, superseded, mergeWait);
    }

    /** The provider; null as for {@code address}. */
    public ProviderKind provider() {
        return address == null ? null : address.kind();
    }

    /** The API root goes with it, so that a later wait for the merge reads the same API the promotion wrote to. */
    static LinkedHashMap<String, Object> summary(RepositoryAddress address, PullRequest pullRequest, String action,
            List<PullRequest> superseded, MergeWait.Result mergeWait) {
        Document p = pullRequestDocument(address.kind(), pullRequest).put("apiUrl", address.apiRoot().toString())
                .put("action", action)
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

    /**
     * A promotion's document ({@link #toDocument()}) once the wait for its pull request ended: the same as
     * {@code withWait(result).toDocument()}, for a wait that runs after the outcome is gone (a Jenkins step
     * waiting on a timer across controller restarts keeps only the document).
     */
    public static LinkedHashMap<String, Object> afterWait(Map<String, Object> document, MergeWait.Result result) {
        if (!(document.get("pullRequest") instanceof Map<?, ?> before)) {
            throw new IllegalArgumentException("the promotion went through no pull request");
        }
        ProviderKind provider = ProviderKind.valueOf(String.valueOf(before.get("provider")).toUpperCase(Locale.ROOT));
        LinkedHashMap<String, Object> after = new LinkedHashMap<>();
        before.forEach((key, value) -> after.put(String.valueOf(key), value));
        after.putAll(result.toDocument(provider).map());
        LinkedHashMap<String, Object> whole = new LinkedHashMap<>(document);
        whole.put("pullRequest", after);
        return whole;
    }

    public PullRequestOutcome withWait(MergeWait.Result result) {
        return new PullRequestOutcome(promotion, address, result.pullRequest(), action, superseded, result);
    }
}
