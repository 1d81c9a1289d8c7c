package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import java.util.List;
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

    public PullRequestOutcome withWait(MergeWait.Result result) {
        return new PullRequestOutcome(promotion, provider, result.pullRequest(), action, superseded, result);
    }
}
