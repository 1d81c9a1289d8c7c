package io.jenkins.plugins.carvelgitops.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes object as rendered: its identity and the whole body in a fixed key order.
 *
 * @param namespace null for cluster-scoped objects
 */
public record Manifest(String apiVersion, String kind, String namespace, String name, Map<String, Object> body) {

    public Manifest {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** {@code Kind/namespace/name}, the way Flux and kapp name objects in messages. */
    public String ref() {
        return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }

    public String yaml() {
        return SafeYaml.write(body);
    }

    public boolean isSecret() {
        return "Secret".equals(kind) && "v1".equals(apiVersion);
    }
}
