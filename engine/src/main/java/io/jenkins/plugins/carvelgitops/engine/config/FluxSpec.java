package io.jenkins.plugins.carvelgitops.engine.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The Flux side on the build cluster.
 *
 * @param apiVersion     {@code v1beta2} (Flux v0.41, what TAP 1.7 requires) or {@code v1} (Flux 2.x)
 * @param url            the URL Flux clones; null means {@code repository.url}
 * @param namespace      the build-cluster namespace holding the GitRepository and Kustomizations
 * @param sourceInterval GitRepository interval, a Flux duration
 * @param interval       Kustomization interval, a Flux duration
 */
public record FluxSpec(String apiVersion, String url, String namespace, String sourceInterval, String interval) {

    public static final String V1BETA2 = "v1beta2";
    public static final String V1 = "v1";

    public FluxSpec {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(sourceInterval, "sourceInterval");
        Objects.requireNonNull(interval, "interval");
    }

    public Optional<String> explicitUrl() {
        return Optional.ofNullable(url);
    }

    public String sourceApiVersion() {
        return "source.toolkit.fluxcd.io/" + apiVersion;
    }

    public String kustomizeApiVersion() {
        return "kustomize.toolkit.fluxcd.io/" + apiVersion;
    }
}
