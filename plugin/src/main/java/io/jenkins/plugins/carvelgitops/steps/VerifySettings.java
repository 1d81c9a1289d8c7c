package io.jenkins.plugins.carvelgitops.steps;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parameters of a Flux verification, held once for {@code fluxVerify} and the freestyle build
 * step: trimmed, empty means unset (null); {@code reconcile} defaults to true. {@code credentialsId} is
 * the Git credential for reading a remote GitOps repository's history (default: the global one).
 */
public final class VerifySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private String config;
    private String stages;
    private String revision;
    private String kubeconfigCredentialsId;
    private String credentialsId;
    private String timeout;
    private boolean reconcile = true;
    private String overrides;

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = StepParameters.trimToNull(config);
    }

    public String getStages() {
        return stages;
    }

    public void setStages(String stages) {
        this.stages = StepParameters.trimToNull(stages);
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = StepParameters.trimToNull(revision);
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = StepParameters.trimToNull(kubeconfigCredentialsId);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepParameters.trimToNull(credentialsId);
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = StepParameters.trimToNull(timeout);
    }

    public boolean isReconcile() {
        return reconcile;
    }

    public void setReconcile(boolean reconcile) {
        this.reconcile = reconcile;
    }

    public String getOverrides() {
        return overrides;
    }

    public void setOverrides(String overrides) {
        this.overrides = StepParameters.trimToNull(overrides);
    }

    public List<String> stageList() {
        return StepParameters.stages(stages);
    }

    public Duration timeoutDuration() {
        return StepParameters.duration("timeout", timeout, Duration.ofMinutes(5));
    }

    public Map<String, String> overrideMap() {
        return StepParameters.overrides(overrides);
    }

    /** A full or abbreviated commit SHA, or null. */
    public String checkedRevision() {
        if (revision != null && !revision.matches("[0-9a-f]{7,64}")) {
            throw new IllegalArgumentException("revision: '" + revision + "' is not a commit SHA");
        }
        return revision;
    }

    /** A copy with build variables expanded in the text fields (not in the credential ID). */
    public VerifySettings expanded(UnaryOperator<String> expand) {
        VerifySettings s = new VerifySettings();
        s.setConfig(StepParameters.expand(expand, config));
        s.setStages(StepParameters.expand(expand, stages));
        s.setRevision(StepParameters.expand(expand, revision));
        s.setKubeconfigCredentialsId(kubeconfigCredentialsId);
        s.setCredentialsId(credentialsId);
        s.setTimeout(StepParameters.expand(expand, timeout));
        s.setReconcile(reconcile);
        s.setOverrides(StepParameters.expand(expand, overrides));
        return s;
    }
}
