package io.jenkins.plugins.carvelgitops.steps;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the agent-side Git client needs from the build besides the credential: the build's
 * environment (proxy variables, {@code GIT_*} settings), copied as plain strings.
 */
public final class GitSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> environment;

    public GitSettings(Map<String, String> environment) {
        this.environment = new TreeMap<>(environment == null ? Map.of() : environment);
    }

    public Map<String, String> environment() {
        return java.util.Collections.unmodifiableMap(environment);
    }
}
