package io.jenkins.plugins.carvelgitops.engine.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stage (run cluster) of the delivery, in promotion order.
 *
 * @param name           directory name, Kustomization name part and kubeconfig Secret prefix
 * @param namespace      the run-cluster namespace that receives the PackageInstall
 * @param serviceAccount the run-cluster service account the PackageInstall runs as
 * @param tap            true for a TAP run cluster; false also renders {@code app-cr-role}
 * @param track          how the PackageInstall selects its version
 * @param values         the Package's values for this stage (kept in the order written)
 */
public record StageSpec(String name, String namespace, String serviceAccount, boolean tap, Track track,
        Map<String, Object> values) {

    public StageSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(track, "track");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }
}
