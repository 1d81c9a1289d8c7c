package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ParameterSpelling;

/** The engine's parameters as the command line names them: its options and environment variables. */
final class CliSpelling implements ParameterSpelling {

    static final CliSpelling INSTANCE = new CliSpelling();

    private CliSpelling() {
    }

    @Override
    public String label(Parameter parameter) {
        return switch (parameter) {
            case TO -> "--to";
            case FROM -> "--from";
            case PACKAGE_VERSION -> "--package-version";
            case STAGE -> "--stage";
            case REVISION -> "--revision";
            case KEEP_VERSION -> "--keep-version";
            case RETAIN -> "--retain";
            case OVERRIDE -> "--set";
            case STAGE_KUBECONFIG -> "--stage-kubeconfig";
            case GIT_CREDENTIALS -> "GIT_USERNAME and GIT_TOKEN (or --token-file)";
            case CACHE_DIR -> "--cache-dir";
            case REQUIRE_LIVE -> "--require-live";
            case PACKAGE_FILE -> "--package";
            case ALLOW_DOWNGRADE -> "--allow-downgrade";
            case PULL_REQUEST -> "--pull-request";
            case PUSH_ATTEMPTS -> "--push-attempts";
            case KUBECONFIG_SECRETS -> "--kubeconfig-secrets";
            case SECRET_VALUES -> "--secret-values";
        };
    }

    @Override
    public String mention(Parameter parameter) {
        return parameter == Parameter.SECRET_VALUES
                ? "--secret-values STAGE=FILE (or $CARVEL_GITOPS_SECRET_VALUES_<STAGE>: the stage in upper case, "
                        + "other characters as _)"
                : label(parameter);
    }
}
