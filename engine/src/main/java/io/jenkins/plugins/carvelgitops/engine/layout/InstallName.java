package io.jenkins.plugins.carvelgitops.engine.layout;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import java.util.Optional;

/**
 * The name of a stage's PackageInstall. A TAP supply-chain Package (its schema declares {@code workload_name})
 * names it after the stage's {@code values.workload_name}; any other Package by the config's {@code install:}.
 * Render checks that both agree when both are set, so a reader without the Package at hand (status before
 * anything is rendered, bootstrap's secret values) takes {@code install:} first, then {@code workload_name}.
 */
public final class InstallName {

    static final String WORKLOAD_NAME = "workload_name";

    private InstallName() {
    }

    /**
     * What names the PackageInstall of a stage for a Package: the raw {@code values.workload_name} (any type,
     * null when unset; render says what is wrong with it) for a TAP Package, else {@code install:} (null when
     * unset).
     */
    public static Object forPackage(GitopsConfig config, StageSpec stage, boolean declaresWorkloadName) {
        return declaresWorkloadName ? stage.values().get(WORKLOAD_NAME) : config.install();
    }

    /** The name as far as the config tells without the Package: {@code install:}, else {@code workload_name}. */
    public static Optional<String> configured(GitopsConfig config, StageSpec stage) {
        if (config.install() != null) {
            return Optional.of(config.install());
        }
        return stage.values().get(WORKLOAD_NAME) instanceof String w && !w.isBlank() ? Optional.of(w)
                : Optional.empty();
    }
}
