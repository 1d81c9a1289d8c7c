package io.jenkins.plugins.carvelgitops.steps;

import java.io.Serializable;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parameters every publishing step shares (render and promote): the config file, the Git
 * credential, dry run, the commit message and config overrides. Trimmed; empty means unset (null).
 */
public abstract class PublishSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private String config;
    private String credentialsId;
    private boolean dryRun;
    private String message;
    private String overrides;

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = StepParameters.trimToNull(config);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepParameters.trimToNull(credentialsId);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = StepParameters.trimToNull(message);
    }

    public String getOverrides() {
        return overrides;
    }

    public void setOverrides(String overrides) {
        this.overrides = StepParameters.trimToNull(overrides);
    }

    /** The overrides, checked. */
    public Map<String, String> overrideMap() {
        return StepParameters.overrides(overrides);
    }

    /** Copies the shared fields into {@code target}, build variables expanded (not in the credential ID). */
    protected <T extends PublishSettings> T withSharedExpanded(T target, UnaryOperator<String> expand) {
        target.setConfig(StepParameters.expand(expand, config));
        target.setCredentialsId(credentialsId);
        target.setDryRun(dryRun);
        target.setMessage(StepParameters.expand(expand, message));
        target.setOverrides(StepParameters.expand(expand, overrides));
        return target;
    }
}
