package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GitLab merge requests through the REST API v4, with a personal, project or group access token. */
public final class GitLabHost implements PullRequestHost {

    private final ApiClient api;
    private final String project;

    public GitLabHost(RepositoryAddress address, String token, HttpClient http) {
        this.api = new ApiClient(ProviderKind.GITLAB, address.apiRoot(), Map.of("PRIVATE-TOKEN", token), token, http);
        this.project = "/projects/" + encode(address.path());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GITLAB;
    }

    @Override
    public List<PullRequest> open(String base, String headPrefix) {
        return api.all(project + "/merge_requests?state=opened&target_branch=" + encode(base), "per_page", 100)
                .stream().map(GitLabHost::read).filter(p -> p.headBranch().startsWith(headPrefix)).toList();
    }

    @Override
    public PullRequest create(String head, String base, String title, String body) {
        return read(api.post(project + "/merge_requests", Map.of("source_branch", head, "target_branch", base,
                "title", title, "description", body, "remove_source_branch", true)));
    }

    @Override
    public PullRequest edit(int number, String title, String body) {
        return read(api.put(project + "/merge_requests/" + number, Map.of("title", title, "description", body)));
    }

    @Override
    public void comment(int number, String text) {
        api.post(project + "/merge_requests/" + number + "/notes", Map.of("body", text));
    }

    @Override
    public void close(int number) {
        api.put(project + "/merge_requests/" + number, Map.of("state_event", "close"));
    }

    @Override
    public PullRequest get(int number) {
        return read(api.get(project + "/merge_requests/" + number));
    }

    @Override
    public void decorate(PullRequest pullRequest, PullRequestSettings settings) {
        Map<String, Object> update = new LinkedHashMap<>();
        if (!settings.labels().isEmpty()) {
            update.put("add_labels", String.join(",", settings.labels()));
        }
        if (!settings.reviewers().isEmpty()) {
            List<Long> ids = new ArrayList<>();
            for (String name : settings.reviewers()) {
                JsonNode users = api.get("/users?username=" + encode(name));
                if (users.size() == 0) {
                    throw new PullRequestException("GitLab knows no user '" + name + "' (pullRequests.reviewers); "
                            + "list GitLab user names");
                }
                ids.add(users.get(0).path("id").asLong());
            }
            update.put("reviewer_ids", ids);
        }
        if (!update.isEmpty()) {
            api.put(project + "/merge_requests/" + pullRequest.number(), update);
        }
        if (settings.autoMerge()) {
            api.put(project + "/merge_requests/" + pullRequest.number() + "/merge",
                    Map.of("merge_when_pipeline_succeeds", true));
        }
    }

    static PullRequest read(JsonNode mr) {
        String s = mr.path("state").asText();
        PullRequest.State state = "merged".equals(s) ? PullRequest.State.MERGED
                : "opened".equals(s) ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
        String mergeCommit = null;
        String by = null;
        if (state == PullRequest.State.MERGED) {
            mergeCommit = mr.path("merge_commit_sha").asText(null);
            if (mergeCommit == null) {
                // fast-forward merges have no merge commit; a squash has its own
                mergeCommit = mr.path("squash_commit_sha").asText(mr.path("sha").asText(null));
            }
            by = mr.path("merged_by").path("username").asText(null);
        } else if (state == PullRequest.State.CLOSED) {
            by = mr.path("closed_by").path("username").asText(null);
        }
        return new PullRequest(mr.path("iid").asInt(), mr.path("web_url").asText(null),
                mr.path("source_branch").asText(""), mr.path("sha").asText(null), state, mergeCommit, by,
                mr.path("title").asText(""), mr.path("description").asText(""));
    }
}
