package io.jenkins.plugins.carvelgitops.engine.promote;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code promote} run as a user asks for it.
 *
 * @param configFile     {@code carvel-gitops.yaml}
 * @param from           the stage whose pinned version moves; null: the stage before {@code to}
 *                       (unused when {@code version} is given)
 * @param to             the stage that receives the version
 * @param version        an explicit version to promote instead of reading {@code from}; null for none
 * @param allowDowngrade permit moving {@code to} to a lower version (a rollback)
 * @param message        commit message subject; null for the generated one
 * @param dryRun         compute and show the diff, write nothing
 */
public record PromoteJob(Path configFile, ConfigOverrides overrides, String from, String to, String version,
        boolean allowDowngrade, String message, boolean dryRun) {

    public PromoteJob {
        Objects.requireNonNull(configFile, "configFile");
        overrides = overrides == null ? ConfigOverrides.NONE : overrides;
        from = blankToNull(from);
        to = blankToNull(to);
        version = blankToNull(version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
