package io.jenkins.plugins.carvelgitops.engine.layout;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the build-cluster objects, which Flux also uses as label values (at most 63 characters).
 * With {@code shortenNames} a long name becomes {@code <prefix>-<hash>}: the same input always gives
 * the same name, and different long names stay different. The methods taking a config give the names
 * as render writes them and verify, status and bootstrap look them up.
 */
public final class FluxNames {

    static final int HASH_CHARS = 8;

    private FluxNames() {
    }

    public static String gitRepository(String pkg) {
        return pkg + "-gitops-repo";
    }

    public static String gitAuthSecret(String pkg) {
        return pkg + "-gitops-auth";
    }

    public static String packagesKustomization(String pkg, String stage) {
        return pkg + "-" + stage + "-packages";
    }

    public static String packageInstallsKustomization(String pkg, String stage) {
        return pkg + "-" + stage + "-packageinstalls";
    }

    /** The Secret in the Flux namespace holding a run cluster's kubeconfig (key {@code value.yaml}). */
    public static String kubeconfigSecret(String stage) {
        return stage + "-kubeconfig";
    }

    /** The GitRepository of the config's package, as named on the build cluster. */
    public static String gitRepository(GitopsConfig config) {
        return named(config, gitRepository(config.packageName()));
    }

    /** The stage's Kustomization of the stored Packages, as named on the build cluster. */
    public static String packagesKustomization(GitopsConfig config, String stage) {
        return named(config, packagesKustomization(config.packageName(), stage));
    }

    /** The stage's Kustomization of its PackageInstall, as named on the build cluster. */
    public static String packageInstallsKustomization(GitopsConfig config, String stage) {
        return named(config, packageInstallsKustomization(config.packageName(), stage));
    }

    /** The name as the config has it: shortened with {@code shortenNames}, else as given. */
    public static String named(GitopsConfig config, String name) {
        return config.shortenNames() ? shorten(name) : name;
    }

    /** The name as given when it fits, else the deterministic {@code <prefix>-<hash>} form. */
    public static String shorten(String name) {
        if (name.length() <= Names.LABEL_MAX) {
            return name;
        }
        String hash = HexFormat.of().formatHex(sha256(name)).substring(0, HASH_CHARS);
        String prefix = name.substring(0, Names.LABEL_MAX - HASH_CHARS - 1).replaceAll("[-.]+$", "");
        return prefix + "-" + hash;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
