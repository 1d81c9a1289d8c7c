package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * GitHub (github.com and Enterprise Server) pull requests through the REST API (version 2022-11-28),
 * with a personal access token; auto-merge through GraphQL, the only API that has it.
 */
public final class GitHubHost implements PullRequestHost {

    private final ApiClient api;
    private final ApiClient graphql;
    private final String repo;

    public GitHubHost(RepositoryAddress address, String token, HttpClient http) {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28");
        this.api = new ApiClient(ProviderKind.GITHUB, address.apiRoot(), headers, token, http);
        // github.com: api.github.com/graphql; Enterprise Server: <host>/api/graphql beside /api/v3
        String root = address.apiRoot().toString();
        this.graphql = new ApiClient(ProviderKind.GITHUB, URI.create(root.endsWith("/v3")
                ? root.substring(0, root.length() - 3) : root), headers, token, http);
        this.repo = "/repos/" + address.owner() + "/" + address.name();
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITHUB;
    }

    @Override
    public List<PullRequest> open(String base, String headPrefix) {
        return api.all(repo + "/pulls?state=open&base=" + URLEncoder.encode(base, StandardCharsets.UTF_8), "per_page",
                100).stream().map(pr -> read(pr, null)).filter(p -> p.headBranch().startsWith(headPrefix)).toList();
    }

    @Override
    public PullRequest create(String head, String base, String title, String body) {
        return read(api.post(repo + "/pulls", Map.of("title", title, "head", head, "base", base, "body", body)), null);
    }

    @Override
    public PullRequest edit(int number, String title, String body) {
        return read(api.patch(repo + "/pulls/" + number, Map.of("title", title, "body", body)), null);
    }

    @Override
    public void comment(int number, String text) {
        comment(api, repo, number, text);
    }

    @Override
    public void close(int number) {
        close(api, repo, number);
    }

    /** Comments, closing, labels and reviewers: the same calls on GitHub and on Gitea/Forgejo. */
    static void comment(ApiClient api, String repo, int number, String text) {
        api.post(repo + "/issues/" + number + "/comments", Map.of("body", text));
    }

    static void close(ApiClient api, String repo, int number) {
        api.patch(repo + "/pulls/" + number, Map.of("state", "closed"));
    }

    static void labelsAndReviewers(ApiClient api, String repo, int number, PullRequestSettings settings) {
        if (!settings.labels().isEmpty()) {
            api.post(repo + "/issues/" + number + "/labels", Map.of("labels", settings.labels()));
        }
        if (!settings.reviewers().isEmpty()) {
            api.post(repo + "/pulls/" + number + "/requested_reviewers", Map.of("reviewers", settings.reviewers()));
        }
    }

    @Override
    public PullRequest get(int number) {
        JsonNode pr = api.get(repo + "/pulls/" + number);
        String closedBy = null;
        if (pr.path("merged").asBoolean(false)) {
            closedBy = pr.path("merged_by").path("login").asText(null);
        } else if ("closed".equals(pr.path("state").asText())) {
            // the pull request does not say who closed it; its issue does
            closedBy = api.get(repo + "/issues/" + number).path("closed_by").path("login").asText(null);
        }
        return read(pr, closedBy);
    }

    @Override
    public void decorate(PullRequest pullRequest, PullRequestSettings settings) {
        labelsAndReviewers(api, repo, pullRequest.number(), settings);
        if (settings.autoMerge()) {
            String nodeId = api.get(repo + "/pulls/" + pullRequest.number()).path("node_id").asText();
            JsonNode answer = graphql.post("/graphql", Map.of("query", "mutation($id: ID!) { "
                    + "enablePullRequestAutoMerge(input: {pullRequestId: $id}) { clientMutationId } }",
                    "variables", Map.of("id", nodeId)));
            if (answer.path("errors").size() > 0) {
                throw new PullRequestException("GitHub refused auto-merge for " + pullRequest.url() + ": "
                        + ApiClient.providerMessage(answer.toString()) + "; allow auto-merge in the repository "
                        + "settings or set pullRequests.autoMerge: false");
            }
        }
    }

    /** The fields GitHub and Gitea share: number, html_url, head.ref/sha, state, merged, merge_commit_sha. */
    static PullRequest read(JsonNode pr, String closedBy) {
        boolean merged = pr.path("merged").asBoolean(false) || !pr.path("merged_at").isNull()
                && !pr.path("merged_at").isMissingNode();
        PullRequest.State state = merged ? PullRequest.State.MERGED
                : "open".equals(pr.path("state").asText()) ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
        return new PullRequest(pr.path("number").asInt(), pr.path("html_url").asText(null),
                pr.path("head").path("ref").asText(""), pr.path("head").path("sha").asText(null), state,
                merged ? pr.path("merge_commit_sha").asText(null) : null, closedBy, pr.path("title").asText(""),
                pr.path("body").asText(""));
    }
}
