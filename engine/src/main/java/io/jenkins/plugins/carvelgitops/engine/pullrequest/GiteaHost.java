package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gitea and Forgejo pull requests through the REST API v1 (modelled on GitHub's), with an access token.
 * Neither says who closed a pull request, so a closed one reports no name.
 */
public final class GiteaHost implements PullRequestHost {

    private final ApiClient api;
    private final String repo;

    public GiteaHost(RepositoryAddress address, String token, HttpClient http) {
        this.api = new ApiClient(ProviderKind.GITEA, address.apiRoot(), Map.of("Authorization", "token " + token),
                token, http);
        this.repo = "/repos/" + address.owner() + "/" + address.name();
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITEA;
    }

    @Override
    public List<PullRequest> open(String base, String headPrefix) {
        List<PullRequest> found = new ArrayList<>();
        for (JsonNode pr : api.all(repo + "/pulls?state=open", "limit", 50)) {
            PullRequest p = GitHubHost.read(pr, null);
            if (p.headBranch().startsWith(headPrefix) && base.equals(pr.path("base").path("ref").asText())) {
                found.add(p);
            }
        }
        return found;
    }

    @Override
    public PullRequest create(String head, String base, String title, String body) {
        return GitHubHost.read(api.post(repo + "/pulls", Map.of("head", head, "base", base, "title", title,
                "body", body)), null);
    }

    @Override
    public PullRequest edit(int number, String title, String body) {
        return GitHubHost.read(api.patch(repo + "/pulls/" + number, Map.of("title", title, "body", body)), null);
    }

    @Override
    public void comment(int number, String text) {
        GitHubHost.comment(api, repo, number, text);
    }

    @Override
    public void close(int number) {
        GitHubHost.close(api, repo, number);
    }

    @Override
    public PullRequest get(int number) {
        JsonNode pr = api.get(repo + "/pulls/" + number);
        String mergedBy = pr.path("merged_by").path("login").asText(null);
        return GitHubHost.read(pr, mergedBy);
    }

    @Override
    public void decorate(PullRequest pullRequest, PullRequestSettings settings) {
        GitHubHost.labelsAndReviewers(api, repo, pullRequest.number(), settings);
        if (settings.autoMerge()) {
            api.post(repo + "/pulls/" + pullRequest.number() + "/merge", Map.of("do", "merge",
                    "merge_when_checks_succeed", true));
        }
    }
}
