package io.jenkins.plugins.carvelgitops.engine.kube;

import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import java.util.Objects;

/**
 * Which object: API version, kind, namespace (null when cluster-scoped) and name.
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public ObjectRef {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static ObjectRef of(Manifest m) {
        return new ObjectRef(m.apiVersion(), m.kind(), m.namespace(), m.name());
    }

    /** {@code Kind/namespace/name}, the way Flux and kapp name objects in messages. */
    @Override
    public String toString() {
        return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
