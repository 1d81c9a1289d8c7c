package io.jenkins.plugins.carvelgitops.engine.layout;

/** Names of the run-cluster Secrets a PackageInstall reads its values from. */
public final class SecretNames {

    private SecretNames() {
    }

    /** The Secret in Git ({@code params.yaml}) with the stage's non-secret values. */
    public static String values(String install) {
        return install + "-values";
    }

    /** The Secret bootstrap applies from run-time input, never written to Git. */
    public static String secretValues(String install) {
        return install + "-secret-values";
    }
}
