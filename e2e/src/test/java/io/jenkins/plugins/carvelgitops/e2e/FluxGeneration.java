package io.jenkins.plugins.carvelgitops.e2e;

/** The two Flux generations the config's {@code flux.apiVersion} targets, as named in control-plane.properties. */
public enum FluxGeneration {
    /** Flux 2.x: source- and kustomize-controller v1, the {@code v1} APIs. */
    CURRENT("current", "v1"),
    /** Flux v0.41: kustomize-controller v0.35, source-controller v0.36, the {@code v1beta2} APIs. */
    LEGACY("legacy", "v1beta2");

    private final String key;
    private final String apiVersion;

    FluxGeneration(String key, String apiVersion) {
        this.key = key;
        this.apiVersion = apiVersion;
    }

    /** The middle part of its keys in control-plane.properties and of its cache folder {@code flux-<key>}. */
    public String key() {
        return key;
    }

    /** The config's {@code flux.apiVersion} for this generation. */
    public String apiVersion() {
        return apiVersion;
    }
}
