package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import java.util.List;

/**
 * The few provider calls a promotion through a pull request needs, on one repository. One adapter per
 * provider ({@link GitHubHost}, {@link GitLabHost}, {@link GiteaHost}); errors are
 * {@link PullRequestException}s carrying the provider's own message and never the token.
 */
public interface PullRequestHost {

    /** The provider, for messages and results. */
    ProviderKind kind();

    /** Open pull requests into {@code base} whose head branch starts with {@code headPrefix}. */
    List<PullRequest> open(String base, String headPrefix);

    PullRequest create(String head, String base, String title, String body);

    PullRequest edit(int number, String title, String body);

    void comment(int number, String text);

    /** Closes it unmerged. */
    void close(int number);

    /** The current state, with the merge commit or who closed it. */
    PullRequest get(int number);

    /** Adds labels, requests reviewers (user names) and turns on auto-merge; each only when given. */
    void decorate(PullRequest pullRequest, PullRequestSettings settings);
}
