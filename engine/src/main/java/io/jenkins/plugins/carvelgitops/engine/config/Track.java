package io.jenkins.plugins.carvelgitops.engine.config;

/** How a stage's PackageInstall selects its version. */
public enum Track {
    /** {@code constraints} is the exact version: the stage runs what Git pins. */
    PINNED,
    /** {@code constraints: ">=0.0.0"}: kapp-controller installs the newest Package present. */
    LATEST;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
