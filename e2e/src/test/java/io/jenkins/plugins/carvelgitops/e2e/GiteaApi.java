package io.jenkins.plugins.carvelgitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Gitea's API v1 as a reviewer or an administrator uses it: JSON in, JSON out, the token as a header. */
final class GiteaApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and body (a missing node when empty). */
    record Answer(int status, JsonNode body) {
    }

    private final String root;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    GiteaApi(String root, String token) {
        this.root = root;
        this.token = token;
    }

    /** GET that must answer 200. */
    JsonNode get(String path) {
        return expect(send("GET", path, null), 200, "GET " + path);
    }

    JsonNode post(String path, Object body, int expected) {
        return expect(send("POST", path, body), expected, "POST " + path);
    }

    JsonNode patch(String path, Object body, int expected) {
        return expect(send("PATCH", path, body), expected, "PATCH " + path);
    }

    Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "token " + token)
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank()
                    ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    private static JsonNode expect(Answer answer, int expected, String what) {
        if (answer.status() != expected) {
            throw new IllegalStateException(what + " answered " + answer.status() + " (expected " + expected + "): "
                    + answer.body());
        }
        return answer.body();
    }
}
