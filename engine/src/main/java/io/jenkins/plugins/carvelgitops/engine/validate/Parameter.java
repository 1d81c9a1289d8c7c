package io.jenkins.plugins.carvelgitops.engine.validate;

import java.util.Optional;

/**
 * A parameter of a use case, named by the engine without any adapter's syntax. Engine text that names a
 * parameter writes {@link #ref()} ({@code {to}}); each adapter spells it its own way through a
 * {@link ParameterSpelling}: the command line as {@code --to}, the Jenkins steps as {@code to:}.
 */
public enum Parameter {
    /** The stage a promotion goes to. */
    TO("to"),
    /** The stage a promotion reads its version from. */
    FROM("from"),
    /** An explicit Package version to promote. */
    PACKAGE_VERSION("packageVersion"),
    /** The stages a run is limited to. */
    STAGE("stage"),
    /** The commit a verification waits for. */
    REVISION("revision"),
    /** Render the version the stages already pin. */
    KEEP_VERSION("keepVersion"),
    /** How many Package versions the repository keeps. */
    RETAIN("retain"),
    /** A config key set from outside the config file. */
    OVERRIDE("override"),
    /** A stage's own run cluster kubeconfig. */
    STAGE_KUBECONFIG("stageKubeconfig"),
    /** The user and token that reach the Git remote. */
    GIT_CREDENTIALS("gitCredentials"),
    /** The folder that holds clones between runs. */
    CACHE_DIR("cacheDir"),
    /** Promote only what the source stage's cluster runs. */
    REQUIRE_LIVE("requireLive"),
    /** The Package CR file to deliver. */
    PACKAGE_FILE("packageFile"),
    /** Permit moving a stage to a lower version. */
    ALLOW_DOWNGRADE("allowDowngrade"),
    /** Promote through a pull request. */
    PULL_REQUEST("pullRequest"),
    /** How often a push rejected by a concurrent push is tried. */
    PUSH_ATTEMPTS("pushAttempts"),
    /** Read the run clusters' kubeconfigs from their Secrets on the build cluster. */
    KUBECONFIG_SECRETS("kubeconfigSecrets"),
    /** The values of a stage's {@code secretValues}, supplied at run time and never stored in Git. */
    SECRET_VALUES("secretValues");

    private final String key;

    Parameter(String key) {
        this.key = key;
    }

    /** The neutral name, such as {@code packageVersion}. */
    public String key() {
        return key;
    }

    /** How engine text names the parameter, for an adapter to spell: {@code {packageVersion}}. */
    public String ref() {
        return "{" + key + "}";
    }

    /** The parameter {@code label} starts with as a {@link #ref()}, if any. */
    public static Optional<Parameter> leading(String label) {
        if (label != null && label.startsWith("{")) {
            for (Parameter p : values()) {
                if (label.startsWith(p.ref())) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return ref();
    }
}
