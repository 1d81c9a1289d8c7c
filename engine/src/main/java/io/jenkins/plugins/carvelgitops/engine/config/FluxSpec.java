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
 * @param version        the Flux release on the build cluster, like {@code 2.5.0} or {@code 2.1}; null when
 *                       not configured. Fields that only newer releases accept are rendered only for them.
 */
public record FluxSpec(String apiVersion, String url, String namespace, String sourceInterval, String interval,
        String version) {

    public static final String V1BETA2 = "v1beta2";
    public static final String V1 = "v1";

    /**
     * The first Flux release whose Kustomization accepts {@code spec.healthCheckExprs}: Flux 2.5.0 ships
     * kustomize-controller v1.5.0, which added CEL health checks (fluxcd/kustomize-controller#1344).
     */
    public static final String HEALTH_CHECK_EXPRS_SINCE = "2.5.0";

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(\\.(0|[1-9]\\d*))?");

    /** Without a Flux release: fields that need a newer release than TAP's guides pin are left out. */
    public FluxSpec(String apiVersion, String url, String namespace, String sourceInterval, String interval) {
        this(apiVersion, url, namespace, sourceInterval, interval, null);
    }

    /** Whether {@code text} is a Flux release like {@code 2.5}, {@code 2.5.0} or {@code v2.5.0}. */
    public static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /** Whether the configured Flux accepts {@code spec.healthCheckExprs} on a Kustomization. */
    public boolean acceptsHealthCheckExprs() {
        return V1.equals(apiVersion) && atLeast(version, HEALTH_CHECK_EXPRS_SINCE);
    }

    /** Release {@code version} is {@code minimum} or later; an unknown release is not. */
    static boolean atLeast(String version, String minimum) {
        if (!isVersion(version)) {
            return false;
        }
        java.util.regex.Matcher v = VERSION.matcher(version);
        java.util.regex.Matcher m = VERSION.matcher(minimum);
        v.matches();
        m.matches();
        for (int group : new int[] {1, 2, 4}) {
            long a = v.group(group) == null ? 0 : Long.parseLong(v.group(group));
            long b = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
            if (a != b) {
                return a > b;
            }
        }
        return true;
    }

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
