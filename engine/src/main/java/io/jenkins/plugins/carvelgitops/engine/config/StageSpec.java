package io.jenkins.plugins.carvelgitops.engine.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param values         the Package's values for this stage (kept in the order written), committed to Git
 * @param secretValues   top-level value keys supplied at run time (from a file, the environment or a
 *                       credential) into the {@code <install>-secret-values} Secret; never in Git
 */
public record StageSpec(String name, String namespace, String serviceAccount, boolean tap, Track track,
        Map<String, Object> values, List<String> secretValues) {

    public StageSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(track, "track");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
        secretValues = List.copyOf(secretValues == null ? List.of() : secretValues);
    }

    public StageSpec(String name, String namespace, String serviceAccount, boolean tap, Track track,
            Map<String, Object> values) {
        this(name, namespace, serviceAccount, tap, track, values, List.of());
    }

    public boolean hasSecretValues() {
        return !secretValues.isEmpty();
    }
}
