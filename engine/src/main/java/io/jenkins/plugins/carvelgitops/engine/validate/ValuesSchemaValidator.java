package io.jenkins.plugins.carvelgitops.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks a stage's values against the Package's {@code spec.valuesSchema.openAPIv3} with the networknt
 * JSON-schema validator in its OpenAPI 3.0 dialect ({@code nullable}, {@code additionalProperties},
 * enums, required, oneOf). kapp-controller does not check values; this is carvel-gitops' own rule, so a
 * typo fails the pipeline instead of the run cluster.
 */
public final class ValuesSchemaValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .typeLoose(false)
            .nullableKeywordEnabled(true)
            .failFast(false)
            .build();

    private final JsonSchema schema;

    /** Compiles a schema once; it is reused for every stage. */
    public ValuesSchemaValidator(Object openApiV3) {
        JsonNode node = JSON.valueToTree(openApiV3 instanceof Map ? openApiV3 : Map.of());
        this.schema = FACTORY.getSchema(node, CONFIG);
    }

    /**
     * Every violation of {@code values}, one {@link Problem} each, with the value path under
     * {@code fieldPrefix} (for example {@code stages[prod].values}).
     */
    public List<Problem> check(Map<String, Object> values, String file, String fieldPrefix, String packageLabel) {
        JsonNode instance = JSON.valueToTree(values);
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(instance));
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String location = m.getInstanceLocation().toString();
            String path = fieldPrefix + location.replaceFirst("^\\$", "");
            String text = m.getMessage();
            int colon = text.indexOf(": ");
            if (text.startsWith("$") && colon > 0) {
                text = text.substring(colon + 2);
            }
            problems.add(new Problem(file, path, text + " (valuesSchema of " + packageLabel + ")",
                    "change the value to match the Package's valuesSchema"));
        }
        return problems;
    }
}
