package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster objects of a config, without a Package: the build cluster's GitRepository and
 * Kustomizations, and each stage's run-cluster Namespace, ServiceAccount, Roles and RoleBindings. The
 * same objects, field for field and name for name, as {@link Renderer} puts in a plan; bootstrap
 * applies them.
 */
public record ClusterObjects(List<Manifest> buildCluster, Map<String, List<Manifest>> runClusters) {

    public ClusterObjects {
        buildCluster = List.copyOf(buildCluster);
        Map<String, List<Manifest>> copy = new LinkedHashMap<>();
        runClusters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        runClusters = Collections.unmodifiableMap(copy);
    }

    /** @param stageNames stages to include; empty for every stage of the config */
    public static ClusterObjects of(GitopsConfig config, List<String> stageNames) {
        List<StageSpec> stages = new ArrayList<>();
        for (String name : stageNames) {
            stages.add(config.stage(name).orElseThrow(() -> ValidationException.of(Parameter.STAGE, name,
                    "is not a stage of " + config.source(), "use one of: " + String.join(", ", config.stages().stream()
                            .map(StageSpec::name).toList()))));
        }
        if (stageNames.isEmpty()) {
            stages.addAll(config.stages());
        }
        Problems problems = new Problems();
        Map<String, String> names = Renderer.fluxNames(config, stages, problems);
        problems.throwIfAny();
        String pkg = config.packageName();
        String pkgDir = config.repository().prefix() + pkg + "/";
        List<Manifest> build = new ArrayList<>();
        if (config.fluxCanClone()) {
            String repoName = names.get(FluxNames.gitRepository(pkg));
            build.add(TapObjects.gitRepository(config, repoName));
            for (StageSpec stage : stages) {
                String packagesName = names.get(FluxNames.packagesKustomization(pkg, stage.name()));
                String installsName = names.get(FluxNames.packageInstallsKustomization(pkg, stage.name()));
                build.add(TapObjects.kustomization(config, stage, packagesName, "./" + pkgDir + "packages", repoName,
                        null));
                build.add(TapObjects.kustomization(config, stage, installsName, "./" + pkgDir + stage.name(),
                        repoName, packagesName));
            }
        }
        Map<String, List<Manifest>> run = new LinkedHashMap<>();
        for (StageSpec stage : stages) {
            run.put(stage.name(), TapObjects.runClusterRbac(stage));
        }
        return new ClusterObjects(build, run);
    }
}
