package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A provider's published OpenAPI 3.0 description, and a check of one request and its response against
 * it: the path and method exist, every query parameter is declared, the request body and the response
 * body match their schemas, the status is one the operation documents.
 */
public class OpenApiDescription {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final JsonNode root;
    private final boolean undeclaredNulls;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    /**
     * @param api             how problems name the API ({@code GitHub's API})
     * @param undeclaredNulls the provider sends null for fields its description does not mark nullable
     *                        (Go pointers in Gitea's generated description): a null response field is not
     *                        checked against its type
     */
    protected OpenApiDescription(String api, JsonNode root, boolean undeclaredNulls) {
        this.api = api;
        this.root = root;
        this.undeclaredNulls = undeclaredNulls;
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
            return List.of(where + ": no such path in " + api);
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
                validate(template + " " + method + " " + status, schema, undeclaredNulls
                        ? withoutNulls(JSON.readTree(responseBody)).toString() : responseBody,
                        where + " response " + status, problems);
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

    /** The document without its null fields and null array items, at every depth. */
    static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            List<String> nulls = new ArrayList<>();
            node.fieldNames().forEachRemaining(name -> {
                if (node.get(name).isNull()) {
                    nulls.add(name);
                }
            });
            ((ObjectNode) node).remove(nulls);
            node.forEach(OpenApiDescription::strip);
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode item = it.next();
                if (item.isNull()) {
                    it.remove();
                } else {
                    strip(item);
                }
            }
        }
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
