package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.git.CommitNames;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.git.RepositoryView;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import io.jenkins.plugins.carvelgitops.engine.layout.RepositoryLayout;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a config and the GitOps repository at a revision into a {@link VerifyRequest}: which stages
 * (given, or every stage whose folder exists at the revision), the Kustomization names, and per stage
 * the PackageInstall and the version its {@code packageinstall.yaml} pins at that revision. Status reads
 * what each stage pins through the same methods.
 */
public final class VerifyPlanner {

    private VerifyPlanner() {
    }

    /**
     * What to verify besides the config and the history.
     *
     * @param revision    the commit to verify, full or abbreviated ({@link CommitNames}); null for the head of
     *                    {@code repository.branch}
     * @param stages      stage names; empty for every stage whose folder exists at the revision
     * @param kubeconfigs run-cluster kubeconfigs by stage name (stages without one read their Secret, if allowed)
     * @param reconcile   ask Flux and kapp-controller to reconcile now instead of at their next interval
     * @param kubeconfigFromSecret a stage without a kubeconfig reads its {@code <stage>-kubeconfig} Secret
     */
    public record Options(KubeconfigAuth buildCluster, Duration timeout, String revision, List<String> stages,
            Map<String, KubeconfigAuth> kubeconfigs, boolean reconcile, boolean kubeconfigFromSecret) {

        public Options {
            stages = stages == null ? List.of() : List.copyOf(stages);
            kubeconfigs = kubeconfigs == null ? Map.of() : kubeconfigs;
        }

        /** Every stage at the head, reconciling, no Secret fallback; the builder changes what differs. */
        public static Builder builder(KubeconfigAuth buildCluster, Duration timeout) {
            return new Builder(buildCluster, timeout);
        }

        public static final class Builder {
            private final KubeconfigAuth buildCluster;
            private final Duration timeout;
            private String revision;
            private List<String> stages = List.of();
            private Map<String, KubeconfigAuth> kubeconfigs = Map.of();
            private boolean reconcile = true;
            private boolean kubeconfigFromSecret;

            private Builder(KubeconfigAuth buildCluster, Duration timeout) {
                this.buildCluster = buildCluster;
                this.timeout = timeout;
            }

            public Builder revision(String revision) {
                this.revision = revision;
                return this;
            }

            public Builder stages(List<String> stages) {
                this.stages = stages;
                return this;
            }

            public Builder kubeconfigs(Map<String, KubeconfigAuth> kubeconfigs) {
                this.kubeconfigs = kubeconfigs;
                return this;
            }

            public Builder reconcile(boolean reconcile) {
                this.reconcile = reconcile;
                return this;
            }

            public Builder kubeconfigFromSecret(boolean kubeconfigFromSecret) {
                this.kubeconfigFromSecret = kubeconfigFromSecret;
                return this;
            }

            public Options build() {
                return new Options(buildCluster, timeout, revision, stages, kubeconfigs, reconcile,
                        kubeconfigFromSecret);
            }
        }
    }

    public static VerifyRequest plan(GitopsConfig config, GitopsHistory history, Options options) {
        String revision = options.revision();
        List<String> stages = options.stages();
        Map<String, KubeconfigAuth> kubeconfigs = options.kubeconfigs();
        String file = config.source();
        final String sha;
        if (revision == null || revision.isBlank()) {
            sha = head(config, history);
        } else {
            sha = CommitNames.resolve(history, history.head(config.repository().branch()).orElse(null), revision);
        }
        String pkgDir = config.repository().prefix() + config.packageName() + "/";
        List<StageSpec> selected = new ArrayList<>();
        if (stages.isEmpty()) {
            List<String> present = history.list(sha, pkgDir);
            config.stages().stream().filter(s -> present.contains(s.name())).forEach(selected::add);
            if (selected.isEmpty()) {
                throw ValidationException.of(file, "stages", "no stage folder of " + config.packageName()
                        + " exists at " + Revisions.shortSha(sha), "render first, or name stages with {stage}");
            }
        } else {
            for (String name : stages) {
                selected.add(config.stage(name).orElseThrow(() -> ValidationException.of(Parameter.STAGE, name,
                        "is not a stage of " + file, "use one of: " + String.join(", ", config.stages().stream()
                                .map(StageSpec::name).toList()))));
            }
        }
        checkStageNames(config, kubeconfigs.keySet());
        List<VerifyRequest.StageTarget> targets = new ArrayList<>();
        for (StageSpec stage : selected) {
            StagePin pin = pin(config, history, sha, stage).orElseThrow(() -> ValidationException.of(
                    packageInstallFile(config, stage), "", "does not exist at " + Revisions.shortSha(sha),
                    "render stage " + stage.name() + " first"));
            targets.add(new VerifyRequest.StageTarget(stage.name(), kustomizations(config, stage), pin.namespace(),
                    pin.packageInstall(), pin.version(), kubeconfigs.get(stage.name())));
        }
        return new VerifyRequest(options.buildCluster(), config.flux().apiVersion(), config.flux().namespace(),
                FluxNames.gitRepository(config), sha.toLowerCase(Locale.ROOT), targets, options.timeout(),
                options.reconcile(), options.kubeconfigFromSecret());
    }

    /**
     * What a stage's {@code packageinstall.yaml} pins at a commit.
     *
     * @param file           the file's path in the repository
     * @param namespace      the run-cluster namespace of the PackageInstall
     * @param packageInstall the PackageInstall name
     * @param constraints    {@code spec.packageRef.versionSelection.constraints} as written
     * @param version        the version it selects ({@link RepositoryLayout#selected}): the pinned one, or for a
     *                       range the one kapp-controller picks among the stored Packages
     */
    public record StagePin(String stage, String file, String namespace, String packageInstall, String constraints,
            String version) {
    }

    /** The head of {@code repository.branch}; an error when the branch does not exist. */
    public static String head(GitopsConfig config, GitopsHistory history) {
        return history.head(config.repository().branch()).orElseThrow(() -> ValidationException.of(config.source(),
                "repository.branch", "branch '" + config.repository().branch() + "' does not exist in the GitOps "
                        + "repository", "render first, or pass {revision} SHA"));
    }

    /**
     * What the stage's {@code packageinstall.yaml} pins at {@code sha}; empty when the stage has none there.
     *
     * @throws ValidationException when the file lacks the name, namespace or constraint
     */
    public static Optional<StagePin> pin(GitopsConfig config, GitopsHistory history, String sha,
            StageSpec stage) {
        RepositoryLayout layout = RepositoryLayout.at(config, history, sha);
        String path = layout.packageInstallFile(stage.name());
        Optional<String> text = history.read(sha, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Object parsed = SafeYaml.parseSingle(text.get(), path);
        Map<String, Object> pkgi = asMap(parsed);
        String name = Obj.str(pkgi, "metadata", "name");
        String namespace = Obj.str(pkgi, "metadata", "namespace");
        String constraints = Obj.str(pkgi, "spec", "packageRef", "versionSelection", "constraints");
        if (name == null || namespace == null || constraints == null) {
            throw ValidationException.of(path, "metadata.name, metadata.namespace, spec.packageRef"
                    + ".versionSelection.constraints", "are required", "render stage " + stage.name() + " again");
        }
        TreeSet<Semver> stored = layout.storedVersions();
        Semver version = layout.selected(stage.name(), parsed, stored).orElseThrow(() -> stored.isEmpty()
                ? ValidationException.of(path, "spec.packageRef.versionSelection.constraints", "selects a stored "
                        + "version, but " + layout.packagesDir() + "/ holds no Package", "render a Package first")
                : ValidationException.of(path, "spec.packageRef.versionSelection.constraints", "'" + constraints
                        + "' selects none of the stored versions (" + stored.first() + " to " + stored.last() + ")",
                        "render a version the stage selects, or promote one to it"));
        return Optional.of(new StagePin(stage.name(), path, namespace, name, constraints, version.text()));
    }

    /** The stage's Kustomization names on the build cluster: packages, then packageinstalls. */
    public static List<String> kustomizations(GitopsConfig config, StageSpec stage) {
        return List.of(FluxNames.packagesKustomization(config, stage.name()),
                FluxNames.packageInstallsKustomization(config, stage.name()));
    }

    /** Every name must be a stage of the config (for per-stage options such as {@code --stage-kubeconfig}). */
    public static void checkStageNames(GitopsConfig config, Collection<String> names) {
        for (String name : names) {
            if (config.stage(name).isEmpty()) {
                throw ValidationException.of(Parameter.STAGE_KUBECONFIG, name, "is not a stage of " + config.source(),
                        "write NAME=FILE with a stage name");
            }
        }
    }

    private static String packageInstallFile(GitopsConfig config, StageSpec stage) {
        return new RepositoryLayout(config, RepositoryView.EMPTY).packageInstallFile(stage.name());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return Map.of();
    }
}
