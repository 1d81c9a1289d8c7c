package io.jenkins.plugins.carvelgitops.engine.promote;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.git.Change;
import io.jenkins.plugins.carvelgitops.engine.git.ChangePlanner;
import io.jenkins.plugins.carvelgitops.engine.git.RepositoryView;
import io.jenkins.plugins.carvelgitops.engine.layout.RepositoryLayout;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.render.RenderRequest;
import io.jenkins.plugins.carvelgitops.engine.render.Renderer;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides a promotion at one head of the repository: which version moves (read from the source stage's
 * PackageInstall, or given), that it is stored as a Package, whether it is a rollback, and the new
 * PackageInstall of the target stage. The target keeps its values, params and every other field;
 * only the version selection and the downgrade annotation change. A target stage with no folder yet
 * gets its PackageInstall and params rendered from the config. Re-run on each head an attempt starts
 * from; the latest {@link Decision} is kept for the outcome.
 */
public final class PromotionPlanner implements ChangePlanner {

    /** What the last planning decided. */
    public record Decision(Semver version, Semver previous, boolean downgrade) {
    }

    static final String DOWNGRADABLE = "packaging.carvel.dev/downgradable";

    private final GitopsConfig config;
    private final String from;
    private final StageSpec to;
    private final Semver explicitVersion;
    private final boolean allowDowngrade;
    private final String subject;
    private final SourceLiveness liveness;
    private Decision decision;

    /** A planner without the {@code requireLive} gate; arguments are checked by {@link PromoteService#check}. */
    PromotionPlanner(GitopsConfig config, String from, StageSpec to, Semver explicitVersion, boolean allowDowngrade,
            String subject) {
        this(config, from, to, explicitVersion, allowDowngrade, subject, null);
    }

    /**
     * Arguments are checked by {@link PromoteService#check}.
     *
     * @param liveness the {@code requireLive} gate on the version read from {@code from}; null for none
     */
    PromotionPlanner(GitopsConfig config, String from, StageSpec to, Semver explicitVersion, boolean allowDowngrade,
            String subject, SourceLiveness liveness) {
        this.config = config;
        this.from = from;
        this.to = to;
        this.explicitVersion = explicitVersion;
        this.allowDowngrade = allowDowngrade;
        this.subject = subject;
        this.liveness = liveness;
    }

    public Decision decision() {
        return decision;
    }

    /**
     * What {@code requireLive} saw in the source stage, like {@code staging runs 1.0.0 (ReconcileSucceeded
     * 1.0.0)}; null when the promotion did not require it.
     */
    public String liveState() {
        return liveness == null ? null : liveness.state();
    }

    @Override
    public Change plan(RepositoryView head) {
        RepositoryLayout layout = new RepositoryLayout(config, head);
        TreeSet<Semver> stored = layout.storedVersions();
        Semver version = explicitVersion != null ? explicitVersion : sourceVersion(layout, stored);
        String packagePath = Optional.ofNullable(layout.storedFile(version)).orElse(layout.packageFile(version));
        String packageText = layout.read(packagePath);
        if (packageText == null) {
            throw ValidationException.of(layout.label(packagePath), "", "does not exist, so version " + version
                    + " cannot be promoted" + (stored.isEmpty() ? "" : " (stored: " + newest(stored) + ")"),
                    "render that version first ({packageFile} <its Package file>), or pick a "
                            + "stored one");
        }
        if (liveness != null) {
            // before the target changes: a refused promotion plans nothing, so nothing is written
            liveness.require(version);
        }
        Optional<Object> current = layout.packageInstall(to.name());
        List<RepoFile> files;
        Semver previous = null;
        boolean downgrade = false;
        if (current.isPresent()) {
            previous = layout.selected(to.name(), current.get(), stored).orElse(null);
            downgrade = previous != null && version.compareTo(previous) < 0;
            if (downgrade && !allowDowngrade) {
                throw ValidationException.of(Parameter.TO, to.name(), "moving from " + previous + " down to " + version
                        + " is a rollback", "pass {allowDowngrade} to roll back on purpose");
            }
            boolean upgrade = previous == null || version.compareTo(previous) > 0;
            String path = layout.packageInstallFile(to.name());
            files = List.of(new RepoFile(path, repin(current.get(), version, downgrade, upgrade)));
        } else {
            files = renderNewStage(layout, packagePath, packageText, version);
        }
        decision = new Decision(version, previous, downgrade);
        return new Change(files, List.of(), message(version, previous, downgrade), layout.ownedFolders());
    }

    private Semver sourceVersion(RepositoryLayout layout, TreeSet<Semver> stored) {
        String path = layout.packageInstallFile(from);
        Object pkgi = layout.packageInstall(from).orElseThrow(() -> ValidationException.of(layout.label(path), "",
                "does not exist, so stage '" + from + "' pins no version to promote",
                "render to " + from + " first, or pass {packageVersion}"));
        return layout.selected(from, pkgi, stored).orElseThrow(() -> ValidationException.of(layout.label(path),
                "spec.packageRef.versionSelection.constraints", "selects none of the stored versions",
                "pass {packageVersion}, or render a version " + from + " selects"));
    }

    /** Sets the pinned version in a parsed PackageInstall, adding or removing the downgrade annotation. */
    @SuppressWarnings("unchecked")
    private String repin(Object pkgi, Semver version, boolean downgrade, boolean upgrade) {
        Map<String, Object> tree = (Map<String, Object>) pkgi;
        Map<String, Object> spec = child(tree, "spec");
        Map<String, Object> selection = child(child(spec, "packageRef"), "versionSelection");
        selection.put("constraints", version.text());
        if (version.isPreRelease()) {
            selection.putIfAbsent("prereleases", new LinkedHashMap<>());
        } else {
            selection.remove("prereleases");
        }
        Map<String, Object> metadata = child(tree, "metadata");
        if (downgrade) {
            child(metadata, "annotations").put(DOWNGRADABLE, "");
        } else if (upgrade && metadata.get("annotations") instanceof Map<?, ?> annotations) {
            annotations.remove(DOWNGRADABLE);
            if (annotations.isEmpty()) {
                metadata.remove("annotations");
            }
        }
        return SafeYaml.write(tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    private List<RepoFile> renderNewStage(RepositoryLayout layout, String packagePath, String packageText,
            Semver version) {
        CarvelPackage pkg = layout.storedPackage(packagePath, packageText, version);
        DeliveryPlan plan = new Renderer().render(new RenderRequest(config, pkg, List.of(to.name())));
        return plan.files().stream().filter(f -> !f.path().equals(packagePath)).toList();
    }

    private String message(Semver version, Semver previous, boolean downgrade) {
        String pkg = config.packageName();
        StringBuilder sb = new StringBuilder();
        if (subject != null && !subject.isBlank()) {
            sb.append(subject.strip());
        } else if (downgrade) {
            sb.append("Roll back ").append(pkg).append(" in ").append(to.name()).append(" to ").append(version)
                    .append(" (from ").append(previous).append(')');
        } else {
            sb.append("Promote ").append(pkg).append(' ').append(version)
                    .append(explicitVersion == null ? " from " + from : "").append(" to ").append(to.name());
        }
        sb.append("\n\nPackage: ").append(pkg);
        sb.append("\nVersion: ").append(version);
        sb.append("\nStages: ").append(to.name());
        if (explicitVersion == null) {
            sb.append("\nPromoted-From: ").append(from);
        }
        if (previous != null) {
            sb.append("\nPrevious-Version: ").append(previous);
        }
        if (config.commit().trailer() != null && !config.commit().trailer().isBlank()) {
            sb.append('\n').append(config.commit().trailer().strip());
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String newest(TreeSet<Semver> stored) {
        return String.join(", ", stored.descendingSet().stream().limit(5).map(Semver::text).toList())
                + (stored.size() > 5 ? ", ..." : "");
    }
}
