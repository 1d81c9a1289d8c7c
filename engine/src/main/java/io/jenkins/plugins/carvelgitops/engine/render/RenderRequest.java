package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to render.
 *
 * @param config          the parsed config (overrides applied)
 * @param pkg             the Package CR to deliver
 * @param stages          stage names to target; empty means the first stage of the config
 * @param downgradeStages stages whose PackageInstall moves to a lower version and so carries
 *                        {@code packaging.carvel.dev/downgradable: ""}
 */
public record RenderRequest(GitopsConfig config, CarvelPackage pkg, List<String> stages, Set<String> downgradeStages) {

    public RenderRequest {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(pkg, "pkg");
        stages = List.copyOf(stages);
        downgradeStages = Set.copyOf(downgradeStages);
    }

    public RenderRequest(GitopsConfig config, CarvelPackage pkg, List<String> stages) {
        this(config, pkg, stages, Set.of());
    }
}
