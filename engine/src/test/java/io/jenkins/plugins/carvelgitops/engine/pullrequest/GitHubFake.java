package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub Enterprise Server REST API ({@code /api/v3}) on 127.0.0.1 that keeps pull requests as
 * GitHub does: listed, created (one open pull request per head branch), edited, commented, closed,
 * merged by a user. Responses start from the examples in GitHub's OpenAPI description when it is
 * loaded, so they carry every field GitHub sends.
 */
public final class GitHubFake implements ResponseDefinitionTransformerV2, AutoCloseable {

    static final String OWNER = "acme";
    static final String REPO = "gitops";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROUTE = Pattern.compile("/api/v3/repos/" + OWNER + "/" + REPO
            + "/(pulls|issues)(?:/(\\d+))?(?:/(comments|labels|requested_reviewers))?");

    public final WireMockServer server;
    private final String token;
    private final GitHubOpenApi spec;
    private final BareRemote git;
    final Map<Integer, ObjectNode> pulls = new TreeMap<>();
    final List<String> comments = new ArrayList<>();
    /** When set, creating a pull request is refused as it is for a token without the repo scope. */
    volatile boolean tokenLacksScope;
    private int next = 41;

    /** @param git the repository whose branches the pull requests merge */
    public GitHubFake(String token, GitHubOpenApi spec, BareRemote git) {
        this.token = token;
        this.spec = spec;
        this.git = git;
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(getName())));
    }

    /** The user who merges (or closes) the next pull request as soon as someone reads its state; null for none. */
    public volatile String mergesOnFirstLook;
    public volatile String closesOnFirstLook;

    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/v3";
    }

    @Override
    public String getName() {
        return "github-fake";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request r = event.getRequest();
        if (!("Bearer " + token).equals(r.getHeader("Authorization"))) {
            return reply(401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}");
        }
        if (tokenLacksScope && r.getMethod().getName().equals("POST") && r.getUrl().endsWith("/pulls")) {
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(403).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("X-OAuth-Scopes", "read:org").withHeader("X-Accepted-OAuth-Scopes", "repo")
                    .withBody("{\"message\":\"Resource not accessible by personal access token\","
                            + "\"documentation_url\":\"https://docs.github.com/rest/pulls/pulls\"}").build();
        }
        Matcher m = ROUTE.matcher(r.getUrl().replaceFirst("\\?.*", ""));
        if (!m.matches()) {
            return reply(404, "{\"message\":\"Not Found\"}");
        }
        try {
            JsonNode body = r.getBodyAsString().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.getBodyAsString());
            Integer number = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            String sub = m.group(3);
            String method = r.getMethod().getName();
            if (m.group(1).equals("pulls") && number == null && method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                pulls.values().stream().filter(p -> p.path("state").asText().equals("open")).forEach(list::add);
                return reply(200, list.toString());
            }
            if (m.group(1).equals("pulls") && number == null && method.equals("POST")) {
                String head = body.path("head").asText();
                if (pulls.values().stream().anyMatch(p -> p.path("state").asText().equals("open")
                        && p.path("head").path("ref").asText().equals(head))) {
                    return reply(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"PullRequest\","
                            + "\"code\":\"custom\",\"message\":\"A pull request already exists for " + OWNER + ":" + head
                            + ".\"}]}");
                }
                ObjectNode pr = newPull(next++, head, body.path("base").asText(), body.path("title").asText(),
                        body.path("body").asText());
                pulls.put(pr.path("number").asInt(), pr);
                return reply(201, pr.toString());
            }
            ObjectNode pr = number == null ? null : pulls.get(number);
            if (pr == null) {
                return reply(404, "{\"message\":\"Not Found\"}");
            }
            if (sub == null && m.group(1).equals("pulls") && method.equals("PATCH")) {
                body.fields().forEachRemaining(f -> pr.set(f.getKey(), f.getValue()));
                return reply(200, pr.toString());
            }
            if (sub == null && method.equals("GET")) {
                if (m.group(1).equals("pulls") && pr.path("state").asText().equals("open")) {
                    if (mergesOnFirstLook != null) {
                        merge(number, "6dcb09b5b57875f334f61aebed695e2e4193db5e", mergesOnFirstLook);
                    } else if (closesOnFirstLook != null) {
                        closeBy(number, closesOnFirstLook);
                    }
                }
                if (m.group(1).equals("pulls")) {
                    return reply(200, pr.toString());
                }
                ObjectNode issue = (ObjectNode) example("GET", "/repos/{owner}/{repo}/issues/{issue_number}", 200);
                issue.put("number", number);
                issue.put("state", pr.path("state").asText());
                issue.set("closed_by", pr.path("closed_by_fake").isMissingNode() ? null
                        : user(pr.path("closed_by_fake").asText()));
                return reply(200, issue.toString());
            }
            if ("comments".equals(sub)) {
                comments.add("#" + number + ": " + body.path("body").asText());
                ObjectNode c = (ObjectNode) example("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", 201);
                c.put("body", body.path("body").asText());
                return reply(201, c.toString());
            }
            if ("labels".equals(sub)) {
                pr.set("labels_fake", body.path("labels"));
                return reply(200, example("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", 200).toString());
            }
            if ("requested_reviewers".equals(sub)) {
                pr.set("reviewers_fake", body.path("reviewers"));
                ObjectNode simple = (ObjectNode) example("POST",
                        "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", 201);
                simple.put("number", number).putArray("requested_teams");
                return reply(201, simple.toString());
            }
            return reply(404, "{\"message\":\"Not Found\"}");
        } catch (Exception e) {
            return reply(500, "{\"message\":\"" + e + "\"}");
        }
    }

    /** A user merges the pull request into the base: merged, with a merge commit. */
    synchronized void merge(int number, String mergeCommit, String by) {
        ObjectNode pr = pulls.get(number);
        pr.put("state", "closed").put("merged", true).put("merged_at", "2026-01-01T00:00:00Z")
                .put("merge_commit_sha", mergeCommit);
        pr.set("merged_by", user(by));
    }

    /** A user closes it without merging. */
    synchronized void closeBy(int number, String by) {
        pulls.get(number).put("state", "closed").put("closed_by_fake", by);
    }

    public synchronized List<ObjectNode> open() {
        return pulls.values().stream().filter(p -> p.path("state").asText().equals("open")).toList();
    }

    private ObjectNode newPull(int number, String head, String base, String title, String body) {
        ObjectNode pr = (ObjectNode) example("POST", "/repos/{owner}/{repo}/pulls", 201);
        String url = "https://github.example.com/" + OWNER + "/" + REPO + "/pull/" + number;
        pr.put("number", number).put("html_url", url).put("state", "open").put("title", title).put("body", body)
                .put("merged", false).put("node_id", "PR_" + number);
        pr.putNull("merged_at");
        pr.putNull("merge_commit_sha");
        pr.putNull("merged_by");
        // the description's example lists a team without fields its schema requires; we request none
        pr.putArray("requested_teams");
        ((ObjectNode) pr.with("head")).put("ref", head).put("sha", headOf(head));
        ((ObjectNode) pr.with("base")).put("ref", base);
        return pr;
    }

    private String headOf(String branch) {
        try {
            return git.head(branch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode example(String method, String template, int status) {
        JsonNode example = spec == null ? null : spec.example(method, template, status);
        return example != null ? example : JSON.createObjectNode();
    }

    private JsonNode user(String login) {
        JsonNode example = example("POST", "/repos/{owner}/{repo}/pulls", 201).path("user");
        ObjectNode user = example.isObject() ? example.deepCopy() : JSON.createObjectNode();
        return user.put("login", login);
    }

    private static ResponseDefinition reply(int status, String body) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
