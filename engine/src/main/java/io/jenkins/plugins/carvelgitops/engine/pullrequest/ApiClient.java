package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON over HTTPS to one provider's REST API with a token: java.net.http and Jackson, nothing more.
 * A refusal becomes a {@link PullRequestException} quoting the provider's own message (and, for
 * GitHub, the scopes the token has and the call accepts); the token is redacted from everything.
 */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ProviderKind kind;
    private final URI root;
    private final Map<String, String> headers;
    private final String token;
    private final HttpClient http;

    ApiClient(ProviderKind kind, URI root, Map<String, String> headers, String token, HttpClient http) {
        this.kind = kind;
        this.root = root;
        this.headers = Map.copyOf(headers);
        this.token = token;
        this.http = http;
    }

    static HttpClient defaultHttp() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    /**
     * Every item of a paged list: {@code path} (with its query, without paging) read page by page of
     * {@code perPage} items, at most 10 pages, as the three providers page.
     */
    List<JsonNode> all(String path, String perPageParameter, int perPage) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            JsonNode list = get(path + "&" + perPageParameter + "=" + perPage + "&page=" + page);
            list.forEach(items::add);
            if (list.size() < perPage) {
                break;
            }
        }
        return items;
    }

    /** The full URL of an API path, for messages (never with credentials: the token is a header). */
    String url(String path) {
        return root + path;
    }

    JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
                .header("User-Agent", "carvel-gitops");
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "application/json");
        }
        headers.forEach(request::header);
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw refusal(method, path, response);
            }
            String text = response.body();
            return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException e) {
            throw PullRequestException.unreachable("cannot reach " + kind.title() + " at " + root + " (" + method + " " + path
                    + "): " + redact(String.valueOf(e.getMessage())) + "; check repository.apiUrl and the network");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullRequestException("interrupted while calling " + kind.title() + " (" + method + " " + path
                    + ")");
        }
    }

    private PullRequestException refusal(String method, String path, HttpResponse<String> response) {
        StringBuilder m = new StringBuilder(kind.title()).append(" refused ").append(method).append(' ').append(path)
                .append(" (HTTP ").append(response.statusCode()).append("): ").append(providerMessage(response.body()));
        String has = response.headers().firstValue("X-OAuth-Scopes").orElse(null);
        String needs = response.headers().firstValue("X-Accepted-OAuth-Scopes").orElse(null);
        if (needs != null && !needs.isBlank() && (response.statusCode() == 403 || response.statusCode() == 404)) {
            m.append("; the call accepts a token with scope ").append(needs).append(" and the token has ")
                    .append(has == null || has.isBlank() ? "none" : has);
        } else if (response.statusCode() == 401) {
            m.append("; the token is not valid (expired, revoked, or for another server)");
        }
        return new PullRequestException(redact(m.toString()));
    }

    /** GitHub {message, errors[]}, GitLab {message|error}, Gitea {message}: the provider's words. */
    static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return "no message";
        }
        try {
            JsonNode node = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            for (String field : List.of("message", "error", "error_description")) {
                JsonNode value = node.path(field);
                if (value.isTextual()) {
                    parts.add(value.asText());
                } else if (!value.isMissingNode() && !value.isNull()) {
                    parts.add(value.toString());
                }
            }
            for (JsonNode error : node.path("errors")) {
                parts.add(error.isTextual() ? error.asText() : error.path("message").isTextual()
                        ? error.path("message").asText() : error.toString());
            }
            return parts.isEmpty() ? abbreviate(body) : String.join("; ", parts);
        } catch (IOException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String text) {
        String flat = Text.oneLine(text, " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    String redact(String text) {
        return token == null || token.isEmpty() ? text : text.replace(token, "****");
    }

    static ObjectMapper json() {
        return JSON;
    }
}
