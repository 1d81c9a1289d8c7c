package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.config.Track;
import io.jenkins.plugins.carvelgitops.engine.git.Change;
import io.jenkins.plugins.carvelgitops.engine.git.ChangePlanner;
import io.jenkins.plugins.carvelgitops.engine.git.RepositoryView;
import io.jenkins.plugins.carvelgitops.engine.layout.RepositoryLayout;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides a render at one head of the repository. What each target stage runs there matters twice: a
 * render that moves a stage to a lower version is a rollback, refused unless allowed and then annotated
 * {@code packaging.carvel.dev/downgradable} as promote does; and with {@code keepVersion} the stage is
 * re-rendered from the config at the version it pins, the Package read from {@code packages/<version>.yaml}.
 * Re-run on each head an attempt starts from; the latest plan is kept for the outcome.
 */
final class RenderPlanner implements ChangePlanner {

    static final String DOWNGRADABLE = TapObjects.DOWNGRADABLE;

    private final GitopsConfig config;
    private final CarvelPackage pkg;
    private final List<String> stages;
    private final RenderJob job;
    private final ProgressListener listener;
    private final DeliveryPlan initial;
    private DeliveryPlan plan;

    /**
     * @param pkg    the Package to deliver; null with {@code keepVersion}, where the repository holds it
     * @param stages the target stages, already checked against the config
     * @param plan   the plan rendered before any Git work (null with {@code keepVersion})
     */
    RenderPlanner(GitopsConfig config, CarvelPackage pkg, List<String> stages, RenderJob job, DeliveryPlan plan,
            ProgressListener listener) {
        this.config = config;
        this.pkg = pkg;
        this.stages = List.copyOf(stages);
        this.job = job;
        this.initial = plan;
        this.plan = plan;
        this.listener = listener;
    }

    DeliveryPlan plan() {
        return plan;
    }

    @Override
    public Change plan(RepositoryView head) {
        RepositoryLayout layout = new RepositoryLayout(config, head);
        TreeSet<Semver> stored = layout.storedVersions();
        CarvelPackage delivered = job.keepVersion() ? pinnedPackage(layout, stored) : pkg;
        Set<String> downgrades = new HashSet<>();
        for (String stage : stages) {
            Optional<Object> current = layout.packageInstall(stage);
            if (current.isEmpty() || config.stage(stage).map(StageSpec::track).orElse(Track.PINNED) == Track.LATEST) {
                continue;
            }
            Semver previous = layout.selected(stage, current.get(), stored).orElse(null);
            int order = previous == null ? 1 : delivered.version().compareTo(previous);
            if (order < 0 && !job.allowDowngrade()) {
                throw ValidationException.of(Parameter.STAGE, stage, "pins " + previous + "; rendering "
                        + delivered.version() + " would move it down, a rollback", "pass {allowDowngrade} to roll "
                        + "back on purpose, or render a version of at least " + previous);
            }
            if (order < 0) {
                listener.warning(stage + " moves down from " + previous + " to " + delivered.version() + " (allowed); "
                        + "its PackageInstall is annotated " + DOWNGRADABLE);
            }
            // a rolled-back stage keeps the annotation until a higher version replaces it
            if (order < 0 || order == 0 && annotated(current.get())) {
                downgrades.add(stage);
            }
        }
        DeliveryPlan rendered = initial != null && downgrades.isEmpty() ? initial
                : job.overrides().attributing(config.source(),
                        () -> new Renderer().render(new RenderRequest(config, delivered, stages, downgrades)));
        plan = rendered;
        List<String> removals = job.retain() == 0 ? List.of()
                : Retention.removals(config, head, rendered.files(), job.retain());
        if (!removals.isEmpty()) {
            listener.action("retention: keeping the newest " + job.retain() + " Package versions and every "
                    + "version a stage runs; removing " + removals.size() + ": " + String.join(", ", removals));
        }
        return new Change(rendered.files(), removals, RenderService.message(config, rendered, job.message()),
                layout.ownedFolders());
    }

    /** The one version the target stages pin, as the Package stored for it. */
    private CarvelPackage pinnedPackage(RepositoryLayout layout, TreeSet<Semver> stored) {
        Map<String, Semver> pinned = new LinkedHashMap<>();
        for (String stage : stages) {
            String path = layout.packageInstallFile(stage);
            Object pkgi = layout.packageInstall(stage).orElseThrow(() -> ValidationException.of(layout.label(path), "",
                    "does not exist, so stage '" + stage + "' pins no version to keep",
                    "render the stage once with its Package ({packageFile} FILE) before using {keepVersion}"));
            pinned.put(stage, layout.selected(stage, pkgi, stored).orElseThrow(() -> ValidationException.of(
                    layout.label(path), "spec.packageRef.versionSelection.constraints",
                    "selects none of the stored versions", "render the stage with its Package ({packageFile} FILE)")));
        }
        if (new HashSet<>(pinned.values()).size() > 1) {
            throw ValidationException.of(Parameter.KEEP_VERSION, "", "the stages pin different versions ("
                    + String.join(", ", pinned.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .toList()) + ")",
                    "render with {keepVersion} once per version, naming its stages");
        }
        Semver version = pinned.values().iterator().next();
        String path = layout.packageFile(version);
        String text = layout.read(path);
        if (text == null) {
            throw ValidationException.of(layout.label(path), "", "does not exist, so the Package of version " + version
                    + " cannot be read", "render that version again with its Package file ({packageFile} FILE)");
        }
        return layout.storedPackage(path, text, version);
    }

    private static boolean annotated(Object pkgi) {
        return pkgi instanceof Map<?, ?> m && m.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("annotations") instanceof Map<?, ?> annotations && annotations.containsKey(DOWNGRADABLE);
    }
}
