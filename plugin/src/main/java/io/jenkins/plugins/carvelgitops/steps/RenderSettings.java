package io.jenkins.plugins.carvelgitops.steps;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parameters of a render, held once for {@code carvelGitopsRender} and the freestyle build step,
 * which both bind their fields here: trimmed, empty means unset (null). No Jenkins types, so it is
 * tested without a running Jenkins; persisted with a freestyle job's configuration.
 */
public final class RenderSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private String config;
    private String packageFile;
    private String stages;
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

    public String getPackageFile() {
        return packageFile;
    }

    public void setPackageFile(String packageFile) {
        this.packageFile = StepParameters.trimToNull(packageFile);
    }

    public String getStages() {
        return stages;
    }

    public void setStages(String stages) {
        this.stages = StepParameters.trimToNull(stages);
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

    /** The stage list, checked. */
    public List<String> stageList() {
        return StepParameters.stages(stages);
    }

    /** The overrides, checked. */
    public Map<String, String> overrideMap() {
        return StepParameters.overrides(overrides);
    }

    /** A copy with build variables expanded in the text fields (not in the credential ID). */
    public RenderSettings expanded(UnaryOperator<String> expand) {
        RenderSettings s = new RenderSettings();
        s.setConfig(StepParameters.expand(expand, config));
        s.setPackageFile(StepParameters.expand(expand, packageFile));
        s.setStages(StepParameters.expand(expand, stages));
        s.setCredentialsId(credentialsId);
        s.setDryRun(dryRun);
        s.setMessage(StepParameters.expand(expand, message));
        s.setOverrides(StepParameters.expand(expand, overrides));
        return s;
    }
}
