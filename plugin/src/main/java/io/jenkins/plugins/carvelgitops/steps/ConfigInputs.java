package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which config file a step reads and what it changes in it, as it travels to the agent and as a
 * running {@code fluxVerify} persists it (a plain class with JDK-typed fields, like everything a running step persists).
 *
 * <p>Three layers, lowest first: {@code defaults} (the global configuration: used only for keys the
 * file leaves out), the file itself, then {@code overrides} (step parameters and the
 * {@code overrides} text: always win).
 */
public final class ConfigInputs implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String config;
    private final LinkedHashMap<String, String> defaults;
    private final LinkedHashMap<String, String> overrides;

    /**
     * @param config    path of {@code carvel-gitops.yaml}, relative to the workspace (or absolute)
     * @param defaults  dotted keys applied only when the file does not set them
     * @param overrides dotted keys that replace the file's values
     */
    public ConfigInputs(String config, Map<String, String> defaults, Map<String, String> overrides) {
        this.config = Objects.requireNonNull(config, "config");
        this.defaults = new LinkedHashMap<>(defaults == null ? Map.of() : defaults);
        this.overrides = new LinkedHashMap<>(overrides == null ? Map.of() : overrides);
    }

    public String config() {
        return config;
    }

    public Map<String, String> defaults() {
        return java.util.Collections.unmodifiableMap(defaults);
    }

    public Map<String, String> overrides() {
        return java.util.Collections.unmodifiableMap(overrides);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigInputs c && c.config.equals(config) && c.defaults.equals(defaults)
                && c.overrides.equals(overrides);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, defaults, overrides);
    }

    /** The config file inside {@code workspace}. */
    public Path resolve(Path workspace) {
        return workspace.resolve(config).normalize();
    }
    /** The engine overrides for the config file at {@code file}: defaults the file lacks, then overrides. */
    public ConfigOverrides toEngine(Path file) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (!defaults.isEmpty()) {
            Object tree = SafeYaml.readSingle(file, config);
            defaults.forEach((key, value) -> {
                if (value != null && !overrides.containsKey(key) && !isSet(tree, key)) {
                    merged.put(key, value);
                }
            });
        }
        merged.putAll(overrides);
        return new ConfigOverrides(merged);
    }

    /** Whether the dotted {@code key} has a value in a parsed YAML tree. */
    static boolean isSet(Object tree, String key) {
        Object node = tree;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return false;
            }
            node = map.get(part);
        }
        return node != null;
    }
}
