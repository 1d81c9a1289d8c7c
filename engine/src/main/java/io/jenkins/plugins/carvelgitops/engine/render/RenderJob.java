package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code render} run as a user asks for it.
 *
 * @param configFile  {@code carvel-gitops.yaml}
 * @param packageFile the Package CR; null means the config's {@code packageFile} (resolved against the
 *                    config's folder)
 * @param stages      stages to target; empty means the first
 * @param message     commit message subject; null for the generated one
 * @param dryRun      compute and show the diff, write nothing
 * @param retain      keep only the newest this many stored Package versions (never one a stage runs);
 *                    0 keeps all
 * @param allowDowngrade let a stage move to a lower version (a rollback, annotated
 *                    {@code packaging.carvel.dev/downgradable}); refused otherwise
 * @param keepVersion re-render the stages from the config at the version they pin, the Package read
 *                    from the repository ({@code packageFile} must be null)
 */
public record RenderJob(Path configFile, ConfigOverrides overrides, Path packageFile, List<String> stages,
        String message, boolean dryRun, int retain, boolean allowDowngrade, boolean keepVersion) {

    public RenderJob {
        Objects.requireNonNull(configFile, "configFile");
        overrides = overrides == null ? ConfigOverrides.NONE : overrides;
        stages = List.copyOf(stages);
        if (retain < 0) {
            throw ValidationException.of(Parameter.RETAIN, String.valueOf(retain), "must be 1 or more",
                    "give how many Package versions to keep, or leave it out to keep all");
        }
        if (keepVersion && packageFile != null) {
            throw ValidationException.of(Parameter.KEEP_VERSION, "", "reads the Package from the repository, "
                    + "but a Package file is given too (" + packageFile + ")", "leave out {packageFile}, or "
                    + "{keepVersion} to deliver that Package");
        }
    }

    /** Refuses downgrades, renders the given Package. */
    public RenderJob(Path configFile, ConfigOverrides overrides, Path packageFile, List<String> stages,
            String message, boolean dryRun, int retain) {
        this(configFile, overrides, packageFile, stages, message, dryRun, retain, false, false);
    }

    /** Keeps every stored version. */
    public RenderJob(Path configFile, ConfigOverrides overrides, Path packageFile, List<String> stages,
            String message, boolean dryRun) {
        this(configFile, overrides, packageFile, stages, message, dryRun, 0);
    }
}
