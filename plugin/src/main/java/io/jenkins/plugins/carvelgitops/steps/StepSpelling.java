package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ParameterSpelling;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;

/**
 * The engine's parameters as the Pipeline steps and freestyle builders name them: {@code to} where a
 * problem is, {@code to:} where a message mentions it, the way a Pipeline script writes it.
 */
public final class StepSpelling implements ParameterSpelling {

    public static final StepSpelling INSTANCE = new StepSpelling();

    private StepSpelling() {
    }

    @Override
    public String label(Parameter parameter) {
        return switch (parameter) {
            case PACKAGE_VERSION -> "version";
            case STAGE -> "stages";
            case OVERRIDE -> "overrides";
            case STAGE_KUBECONFIG -> "stageKubeconfigs";
            case GIT_CREDENTIALS -> "credentialsId";
            // not step parameters: the plugin decides them itself
            case CACHE_DIR -> "the workspace";
            case PUSH_ATTEMPTS -> "push attempts";
            case KUBECONFIG_SECRETS -> "kubeconfig Secrets";
            default -> parameter.key();
        };
    }

    @Override
    public String mention(Parameter parameter) {
        return switch (parameter) {
            case ALLOW_DOWNGRADE, PULL_REQUEST, REQUIRE_LIVE, KEEP_VERSION -> parameter.key() + ": true";
            case GIT_CREDENTIALS -> "a Git credential (credentialsId:)";
            case SECRET_VALUES -> "secretValues: [stageSecretValues(stage:, credentialsId:)] (a Secret file or "
                    + "Secret text credential)";
            case CACHE_DIR, PUSH_ATTEMPTS, KUBECONFIG_SECRETS -> label(parameter);
            default -> label(parameter) + ":";
        };
    }

    /** The one-line message of an engine failure, parameters spelled the steps' way. */
    public static String message(Exception e) {
        return e instanceof ValidationException v ? v.message(INSTANCE) : INSTANCE.spell(e.getMessage());
    }
}
