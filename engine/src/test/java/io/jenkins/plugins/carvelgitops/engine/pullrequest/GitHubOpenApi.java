package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GitHub's official OpenAPI description (npm {@code @octokit/openapi}, fetched with {@code npm pack}
 * into {@code target/} at test time, never committed), and a check of one request and its response
 * against it: the path and method exist, every query parameter is declared, the request body and the
 * response body match their schemas, the status is one the operation documents.
 */
public final class GitHubOpenApi {

    static final String PACKAGE = "@octokit/openapi@23.0.2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GitHubOpenApi loaded;
    private static String skipped;

    private final JsonNode root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private GitHubOpenApi(JsonNode root) {
        this.root = root;
    }

    /** The description, or null (with {@link #skipped()} saying why) when npm is missing and CI is not set. */
    public static synchronized GitHubOpenApi load() throws Exception {
        if (loaded != null || skipped != null) {
            return loaded;
        }
        Path dir = Path.of("target", "octokit-openapi").toAbsolutePath();
        Path spec = dir.resolve("package/generated/api.github.com.json");
        if (!Files.isRegularFile(spec)) {
            Files.createDirectories(dir);
            try {
                run(dir, "npm", "pack", "--silent", PACKAGE);
            } catch (IOException e) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true but npm is not available to fetch " + PACKAGE, e);
                }
                skipped = "GitHub OpenAPI check skipped: npm is not available to fetch " + PACKAGE;
                System.out.println(skipped);
                return null;
            }
            try (var files = Files.list(dir)) {
                Path tgz = files.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
                run(dir, "tar", "xzf", tgz.toString(), "package/generated/api.github.com.json");
            }
        }
        loaded = new GitHubOpenApi(JSON.readTree(spec.toFile()));
        return loaded;
    }

    public static String skipped() {
        return skipped;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fetch.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("fetch.log"));
        }
    }

    /** The operation's documented example response (for fixtures), or null. */
    JsonNode example(String method, String template, int status) {
        JsonNode content = resolve(root.path("paths").path(template).path(method.toLowerCase()).path("responses")
                .path(String.valueOf(status))).path("content").path("application/json");
        Iterator<JsonNode> examples = content.path("examples").elements();
        if (!examples.hasNext()) {
            return null;
        }
        // an example is {value} or {$ref} to one, and a value may itself be a {$ref} to a named example
        JsonNode value = resolve(resolve(examples.next()).path("value"));
        return (value.has("value") && value.size() <= 3 ? resolve(value.path("value")) : value).deepCopy();
    }

    /** Every way this exchange departs from the description; empty when it conforms. */
    public List<String> check(String method, String pathAndQuery, String requestBody, int status, String responseBody)
            throws IOException {
        List<String> problems = new ArrayList<>();
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : "";
        String template = template(path);
        String where = method + " " + pathAndQuery;
        if (template == null) {
            return List.of(where + ": no such path in GitHub's API");
        }
        JsonNode op = root.path("paths").path(template).path(method.toLowerCase());
        if (op.isMissingNode()) {
            return List.of(where + ": " + template + " has no " + method);
        }
        List<String> declared = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(p);
            if ("query".equals(param.path("in").asText())) {
                declared.add(param.path("name").asText());
            }
        }
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String name = pair.replaceFirst("=.*", "");
            if (!declared.contains(name)) {
                problems.add(where + ": query parameter " + name + " is not declared (" + declared + ")");
            }
        }
        JsonNode requestSchema = op.path("requestBody").path("content").path("application/json").path("schema");
        if (requestBody != null && !requestBody.isEmpty()) {
            if (requestSchema.isMissingNode()) {
                problems.add(where + ": sends a body the operation does not take");
            } else {
                validate(template + " " + method + " request", requestSchema, requestBody, where + " request",
                        problems);
            }
        }
        JsonNode response = resolve(op.path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            problems.add(where + ": status " + status + " is not documented");
        } else {
            JsonNode schema = response.path("content").path("application/json").path("schema");
            if (!schema.isMissingNode() && responseBody != null && !responseBody.isEmpty()) {
                validate(template + " " + method + " " + status, schema, responseBody, where + " response " + status,
                        problems);
            }
        }
        return problems;
    }

    private void validate(String key, JsonNode schema, String body, String where, List<String> problems)
            throws IOException {
        JsonSchema compiled = schemas.computeIfAbsent(key, k -> {
            // $refs point at #/components/…: give the schema the description's components as its own
            ObjectNode wrapper = schema.deepCopy();
            wrapper.set("components", root.path("components"));
            return factory.getSchema(wrapper);
        });
        compiled.validate(JSON.readTree(body)).forEach(m -> problems.add(where + ": " + m.getMessage()));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = root.at(n.path("$ref").asText().substring(1));
        }
        return n;
    }

    /** The path template a concrete path matches; literal segments win over parameters. */
    String template(String path) {
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            if (path.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))) {
                int literals = t.replaceAll("\\{[^}]+}", "").length();
                if (literals > bestLiterals) {
                    best = t;
                    bestLiterals = literals;
                }
            }
        }
        return best;
    }
}
