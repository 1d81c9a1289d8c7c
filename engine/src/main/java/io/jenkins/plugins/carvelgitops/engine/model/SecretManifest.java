package io.jenkins.plugins.carvelgitops.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way the engine writes a Secret: {@code apiVersion, kind, metadata[, type], data|stringData}, keys
 * sorted so the same input always gives the same bytes. Bootstrap applies typed Secrets with base64
 * {@code data}; render commits {@code params.yaml} as untyped {@code stringData}, as it always has.
 */
public final class SecretManifest {

    private SecretManifest() {
    }

    /** An {@code Opaque} Secret whose values are base64-encoded into {@code data}. */
    public static Manifest opaqueData(String name, String namespace, Map<String, String> values) {
        Map<String, Object> data = new LinkedHashMap<>();
        new TreeMap<>(values).forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(
                v.getBytes(StandardCharsets.UTF_8))));
        return build(name, namespace, "Opaque", "data", data);
    }

    /** A Secret with its values as {@code stringData}; {@code type} null leaves the field out (Opaque). */
    public static Manifest stringData(String name, String namespace, String type, Map<String, String> values) {
        return build(name, namespace, type, "stringData", new LinkedHashMap<>(new TreeMap<>(values)));
    }

    private static Manifest build(String name, String namespace, String type, String field, Map<String, ?> values) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "Secret");
        body.put("metadata", metadata);
        if (type != null) {
            body.put("type", type);
        }
        body.put(field, values);
        return new Manifest("v1", "Secret", namespace, name, body);
    }
}
