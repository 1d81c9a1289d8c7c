package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import io.jenkins.plugins.carvelgitops.engine.layout.InstallName;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import io.jenkins.plugins.carvelgitops.engine.validate.RemoteUrls;
import io.jenkins.plugins.carvelgitops.engine.validate.ValuesSchemaValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs to {@link DeliveryPlan}: a pure function. Every rule is checked first and every problem
 * reported together; only a fully valid request produces a plan, so nothing is ever half-written.
 */
public final class Renderer {

    /** Renders the plan, or throws {@link io.jenkins.plugins.carvelgitops.engine.validate.ValidationException}. */
    public DeliveryPlan render(RenderRequest request) {
        GitopsConfig config = request.config();
        CarvelPackage pkg = request.pkg();
        Problems problems = new Problems();
        String file = config.source();

        if (!pkg.refName().equals(config.packageName())) {
            problems.add(file, "package", "is '" + config.packageName() + "' but " + pkg.source() + " has spec.refName '"
                    + pkg.refName() + "'", "set package: " + pkg.refName() + " or give the right Package file");
        }
        List<StageSpec> stages = selectStages(config, request.stages(), problems);
        Map<String, String> installs = installNames(config, pkg, stages, problems);
        Map<String, String> kustomizationNames = fluxNames(config, stages, problems);
        if (pkg.valuesSchema() != null) {
            ValuesSchemaValidator schema = new ValuesSchemaValidator(pkg.valuesSchema());
            for (StageSpec stage : stages) {
                problems.addAll(checkValues(schema, stage, file, pkg.source()));
            }
        }
        problems.throwIfAny();
        return build(request, stages, installs, kustomizationNames);
    }

    /**
     * Secret value keys are supplied at run time, so the schema check counts them as present (no
     * "required" error) and leaves their type to be checked when bootstrap receives them.
     */
    private static List<io.jenkins.plugins.carvelgitops.engine.validate.Problem> checkValues(
            ValuesSchemaValidator schema, StageSpec stage, String file, String packageLabel) {
        String prefix = "stages[" + stage.name() + "].values";
        Map<String, Object> values = new LinkedHashMap<>(stage.values());
        stage.secretValues().forEach(key -> values.put(key, null));
        return schema.check(values, file, prefix, packageLabel).stream()
                .filter(p -> stage.secretValues().stream().noneMatch(key -> p.field().equals(prefix + "." + key)))
                .toList();
    }

    static List<StageSpec> selectStages(GitopsConfig config, List<String> names, Problems problems) {
        if (names.isEmpty()) {
            return config.stages().isEmpty() ? List.of() : List.of(config.stages().get(0));
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(names);
        List<StageSpec> selected = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (StageSpec stage : config.stages()) {
            known.add(stage.name());
            if (wanted.contains(stage.name())) {
                selected.add(stage);
            }
        }
        for (String name : names) {
            String why = Names.pathSegmentProblem(name);
            if (why != null) {
                problems.add(Parameter.STAGE, name, why, "name a stage of " + config.source());
            } else if (!known.contains(name)) {
                problems.add(Parameter.STAGE, name, "is not a stage of " + config.source(), "use one of: "
                        + String.join(", ", config.stages().stream().map(StageSpec::name).toList()));
            }
        }
        return selected;
    }

    /**
     * A TAP supply-chain Package (its schema declares {@code workload_name}) names its PackageInstall after
     * {@code values.workload_name}, which every stage must set; any other Package is named by {@code install:}.
     */
    private static Map<String, String> installNames(GitopsConfig config, CarvelPackage pkg, List<StageSpec> stages,
            Problems problems) {
        Map<String, String> names = new LinkedHashMap<>();
        String file = config.source();
        for (StageSpec stage : stages) {
            String field = "stages[" + stage.name() + "].values.workload_name";
            if (pkg.declaresWorkloadName()) {
                Object workload = InstallName.forPackage(config, stage, true);
                if (!(workload instanceof String w) || w.isBlank()) {
                    problems.add(file, field, "is required: " + pkg.source() + " is a TAP supply-chain Package "
                            + "(its valuesSchema declares workload_name)", "set values.workload_name for stage "
                            + stage.name() + ", e.g. workload_name: app");
                    continue;
                }
                String why = Names.labelProblem(w);
                if (why != null) {
                    problems.add(file, field, why + "; it names the PackageInstall", "use a DNS-1123 label");
                } else if (config.install() != null && !config.install().equals(w)) {
                    problems.add(file, "install", "'" + config.install() + "' differs from " + field + " '" + w
                            + "', which names the PackageInstall of a TAP Package", "remove install: or make them equal");
                } else {
                    names.put(stage.name(), w);
                }
            } else if (config.install() == null) {
                problems.add(file, "install", "is required: " + pkg.source() + " declares no workload_name, so "
                        + "nothing names the PackageInstall", "add install: <name>, e.g. install: "
                        + pkg.refName().split("\\.")[0]);
                return names;
            } else {
                names.put(stage.name(), config.install());
            }
        }
        return names;
    }

    static Map<String, String> fluxNames(GitopsConfig config, List<StageSpec> stages, Problems problems) {
        Map<String, String> names = new LinkedHashMap<>();
        String pkg = config.packageName();
        List<String> wanted = new ArrayList<>();
        wanted.add(FluxNames.gitRepository(pkg));
        for (StageSpec stage : stages) {
            wanted.add(FluxNames.packagesKustomization(pkg, stage.name()));
            wanted.add(FluxNames.packageInstallsKustomization(pkg, stage.name()));
        }
        for (String name : wanted) {
            if (name.length() <= Names.LABEL_MAX) {
                names.put(name, name);
            } else if (config.shortenNames()) {
                names.put(name, FluxNames.named(config, name));
            } else {
                problems.add(config.source(), "package", "the Flux object name '" + name + "' is " + name.length()
                        + " characters, more than the " + Names.LABEL_MAX + " Kubernetes allows",
                        "add shortenNames: true for a deterministic '" + FluxNames.shorten(name)
                                + "', or use a shorter stage name");
            }
        }
        return names;
    }

    private static DeliveryPlan build(RenderRequest request, List<StageSpec> stages, Map<String, String> installs,
            Map<String, String> fluxNames) {
        GitopsConfig config = request.config();
        CarvelPackage pkg = request.pkg();
        String prefix = config.repository().prefix();
        String pkgDir = prefix + pkg.refName() + "/";
        List<RepoFile> files = new ArrayList<>();
        files.add(new RepoFile(pkgDir + "packages/" + pkg.version().text() + ".yaml", SafeYaml.write(pkg.tree())));
        Map<String, List<Manifest>> runClusters = new LinkedHashMap<>();
        for (StageSpec stage : stages) {
            String install = installs.get(stage.name());
            Manifest pkgi = TapObjects.packageInstall(install, stage, pkg.refName(), pkg.version(),
                    request.downgradeStages().contains(stage.name()));
            files.add(new RepoFile(pkgDir + stage.name() + "/packageinstall.yaml", pkgi.yaml()));
            files.add(new RepoFile(pkgDir + stage.name() + "/params.yaml",
                    TapObjects.valuesSecret(install, stage).yaml()));
            runClusters.put(stage.name(), TapObjects.runClusterRbac(stage));
        }
        List<Manifest> buildCluster = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (StageSpec stage : stages) {
            SensitiveKeys.find(stage.values(), "stages[" + stage.name() + "].values").forEach(path -> notes.add(
                    path + " looks sensitive and will be committed in plain text; list its key under the stage's "
                            + "secretValues and supply it at run time instead"));
        }
        if (config.fluxCanClone()) {
            String repoName = fluxNames.get(FluxNames.gitRepository(pkg.refName()));
            Manifest gitRepository = TapObjects.gitRepository(config, repoName);
            buildCluster.add(gitRepository);
            String fluxDir = prefix + "flux/" + pkg.refName() + "/";
            files.add(new RepoFile(fluxDir + "gitrepository.yaml", gitRepository.yaml()));
            for (StageSpec stage : stages) {
                String packagesName = fluxNames.get(FluxNames.packagesKustomization(pkg.refName(), stage.name()));
                String installsName = fluxNames.get(FluxNames.packageInstallsKustomization(pkg.refName(), stage.name()));
                Manifest packages = TapObjects.kustomization(config, stage, packagesName, "./" + pkgDir + "packages",
                        repoName, null);
                Manifest pkgis = TapObjects.kustomization(config, stage, installsName, "./" + pkgDir + stage.name(),
                        repoName, packagesName);
                buildCluster.add(packages);
                buildCluster.add(pkgis);
                files.add(new RepoFile(fluxDir + stage.name() + "-kustomizations.yaml",
                        SafeYaml.writeAll(List.of(packages.body(), pkgis.body()))));
            }
        } else {
            notes.add("Flux objects not rendered: Flux clones only http(s) and ssh URLs and repository.url is '"
                    + RemoteUrls.withoutCredentials(config.repository().url()) + "'; set flux.url to the URL Flux should clone");
        }
        return new DeliveryPlan(pkg.refName(), pkg.version(), stages.stream().map(StageSpec::name).toList(), files,
                buildCluster, runClusters, installs, notes);
    }
}
