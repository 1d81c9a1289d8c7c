package io.jenkins.plugins.carvelgitops.engine.promote;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code promote} run as a user asks for it; built with {@link #builder}, so that an option is added
 * in one place and every caller names what it sets.
 *
 * @param configFile     {@code carvel-gitops.yaml}
 * @param from           the stage whose pinned version moves; null: the stage before {@code to}
 *                       (unused when {@code version} is given)
 * @param to             the stage that receives the version
 * @param version        an explicit version to promote instead of reading {@code from}; null for none
 * @param allowDowngrade permit moving {@code to} to a lower version (a rollback)
 * @param message        commit message subject; null for the generated one
 * @param dryRun         compute and show the diff, write nothing
 * @param liveCheck      set: promote only what the source stage's run cluster runs ({@code requireLive}),
 *                       read through this port before anything is written; null: not checked
 */
public record PromoteJob(Path configFile, ConfigOverrides overrides, String from, String to, String version,
        boolean allowDowngrade, String message, boolean dryRun, LiveCheck liveCheck) {

    public PromoteJob {
        Objects.requireNonNull(configFile, "configFile");
        overrides = overrides == null ? ConfigOverrides.NONE : overrides;
        from = blankToNull(from);
        to = blankToNull(to);
        version = blankToNull(version);
    }

    /** Whether the source stage must run the version before it moves on. */
    public boolean requireLive() {
        return liveCheck != null;
    }

    public static Builder builder(Path configFile) {
        return new Builder(configFile);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Collects the options of a {@link PromoteJob}; everything but the config file is optional. */
    public static final class Builder {

        private final Path configFile;
        private ConfigOverrides overrides = ConfigOverrides.NONE;
        private String from;
        private String to;
        private String version;
        private boolean allowDowngrade;
        private String message;
        private boolean dryRun;
        private LiveCheck liveCheck;

        private Builder(Path configFile) {
            this.configFile = configFile;
        }

        public Builder overrides(ConfigOverrides overrides) {
            this.overrides = overrides;
            return this;
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder to(String to) {
            this.to = to;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder allowDowngrade(boolean allowDowngrade) {
            this.allowDowngrade = allowDowngrade;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** Require the source stage to run the version, read through {@code check}; null: do not require it. */
        public Builder requireLive(LiveCheck check) {
            this.liveCheck = check;
            return this;
        }

        public PromoteJob build() {
            return new PromoteJob(configFile, overrides, from, to, version, allowDowngrade, message, dryRun,
                    liveCheck);
        }
    }
}
