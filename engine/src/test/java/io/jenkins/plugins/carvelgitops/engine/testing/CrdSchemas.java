package io.jenkins.plugins.carvelgitops.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates objects against the real CRD schemas in {@code shared/crds/<set>/}: the OpenAPI v3
 * schema of the served version, plus the API server's structural-schema rule that fields the schema
 * does not declare are not allowed (the server would silently prune them).
 */
public final class CrdSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private final Map<String, JsonNode> schemas = new HashMap<>();

    private CrdSchemas() {
    }

    /** Loads every CRD of the given folders under {@code shared/crds} (e.g. "flux-v2", "kapp-controller"). */
    @SuppressWarnings("unchecked")
    public static CrdSchemas load(String... sets) {
        CrdSchemas crds = new CrdSchemas();
        for (String set : sets) {
            try (Stream<Path> files = Files.list(SharedMaterial.crds().resolve(set))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                        .toList()) {
                    String text = Files.readString(file);
                    for (Object doc : SafeYaml.parseAll(text, file.toString())) {
                        Map<String, Object> crd = (Map<String, Object>) doc;
                        if (!"CustomResourceDefinition".equals(crd.get("kind"))) {
                            continue;
                        }
                        Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
                        String group = (String) spec.get("group");
                        String kind = (String) ((Map<String, Object>) spec.get("names")).get("kind");
                        for (Object v : (List<Object>) spec.get("versions")) {
                            Map<String, Object> version = (Map<String, Object>) v;
                            Object schema = ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
                            crds.schemas.put(group + "/" + version.get("name") + "/" + kind, JSON.valueToTree(schema));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return crds;
    }

    public boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + "/" + kind);
    }

    /** Every violation of the object against its CRD; empty when valid. Fails when no CRD serves it. */
    public List<String> violations(Map<String, Object> object) {
        return violations(object, true);
    }

    /**
     * @param strictFields also report fields the schema does not declare (the API server would prune
     *                     them); off for objects whose unknown fields are known to be ignored
     */
    public List<String> violations(Map<String, Object> object, boolean strictFields) {
        String key = object.get("apiVersion") + "/" + object.get("kind");
        JsonNode schemaNode = schemas.get(key);
        if (schemaNode == null) {
            throw new IllegalArgumentException("no CRD serves " + key + "; known: " + schemas.keySet());
        }
        JsonNode instance = JSON.valueToTree(object);
        JsonSchema schema = FACTORY.getSchema(schemaNode, SchemaValidatorsConfig.builder()
                .nullableKeywordEnabled(true).build());
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(instance)) {
            problems.add(m.getMessage());
        }
        if (strictFields) {
            unknownFields(schemaNode, instance, "$", problems);
        }
        return problems;
    }

    /** Kubernetes structural schemas prune undeclared fields; an object relying on one is wrong. */
    private static void unknownFields(JsonNode schema, JsonNode instance, String path, List<String> problems) {
        if (schema == null || instance == null) {
            return;
        }
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (instance.isObject()) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            Iterator<Map.Entry<String, JsonNode>> fields = instance.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path + "." + field.getKey();
                if (properties != null && properties.has(field.getKey())) {
                    unknownFields(properties.get(field.getKey()), field.getValue(), childPath, problems);
                } else if (additional != null && additional.isObject()) {
                    unknownFields(additional, field.getValue(), childPath, problems);
                } else if (properties != null && !(path.equals("$") && field.getKey().equals("status"))) {
                    problems.add(childPath + ": field not declared by the CRD schema");
                }
            }
        } else if (instance.isArray()) {
            for (int i = 0; i < instance.size(); i++) {
                unknownFields(schema.get("items"), instance.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
