package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.net.http.HttpClient;

/** The adapter for a repository's provider. */
public final class PullRequestHosts {

    private PullRequestHosts() {
    }

    /**
     * @param token          the token (the Git credential's password); the API needs one even for public repositories
     * @param credentialName where the token comes from, for the error when there is none
     */
    public static PullRequestHost open(RepositoryAddress address, String token, String credentialName) {
        if (token == null || token.isBlank()) {
            throw ValidationException.of(credentialName, "", "gives no token, and " + address.kind().title()
                    + " needs one to open pull requests", "supply a token with the scopes docs/promotion.md lists");
        }
        HttpClient http = ApiClient.defaultHttp();
        return switch (address.kind()) {
            case GITHUB -> new GitHubHost(address, token, http);
            case GITLAB -> new GitLabHost(address, token, http);
            case GITEA -> new GiteaHost(address, token, http);
        };
    }
}
