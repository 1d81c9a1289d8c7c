package io.jenkins.plugins.carvelgitops.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a render decided, before anything is written: the repository files, the build-cluster objects
 * (Flux) and, per stage, the run-cluster objects (RBAC) that bootstrap applies.
 *
 * @param packageName the Package refName
 * @param version     the Package version
 * @param stages      the stages this plan targets, in promotion order
 * @param files       repository files to write, in a fixed order
 * @param buildCluster Flux objects for the build cluster (empty when Flux cannot clone the repository)
 * @param runClusters run-cluster objects per stage name, in stage order
 * @param installNames PackageInstall name per stage name
 * @param notes       lines a person should read (for example why Flux objects were skipped)
 */
public record DeliveryPlan(String packageName, Semver version, List<String> stages, List<RepoFile> files,
        List<Manifest> buildCluster, Map<String, List<Manifest>> runClusters, Map<String, String> installNames,
        List<String> notes) {

    public DeliveryPlan {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        stages = List.copyOf(stages);
        files = List.copyOf(files);
        buildCluster = List.copyOf(buildCluster);
        Map<String, List<Manifest>> copy = new LinkedHashMap<>();
        runClusters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        runClusters = Collections.unmodifiableMap(copy);
        installNames = Collections.unmodifiableMap(new LinkedHashMap<>(installNames));
        notes = List.copyOf(notes);
    }

    /** A one-line summary such as {@code app.default.tap 1.2.3 → staging, prod}; long stage lists are cut. */
    public String summary() {
        return packageName + " " + version + " \u2192 " + stageList(stages);
    }

    /** Stage names joined by commas; more than five are shown as the first three and a count. */
    public static String stageList(List<String> stages) {
        if (stages.size() <= 5) {
            return String.join(", ", stages);
        }
        return String.join(", ", stages.subList(0, 3)) + ", \u2026 (" + stages.size() + " stages)";
    }
}
