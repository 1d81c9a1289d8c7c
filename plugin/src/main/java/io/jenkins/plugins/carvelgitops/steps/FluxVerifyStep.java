package io.jenkins.plugins.carvelgitops.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.Messages;
import io.jenkins.plugins.carvelgitops.credentials.CredentialsLister;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code fluxVerify}: requests a Flux reconcile and waits, with watches and a timeout, until Flux has
 * applied our commit (or a descendant) on the build cluster and every stage's PackageInstall reports
 * our version. With no {@code stages}, verifies what earlier steps of the same build pushed. Holds no
 * executor thread while it waits, can be aborted, and resumes after a controller restart. Returns
 * {@code [ready:, revision:, stages: [[stage:, state:, revision:, version:, seconds:, message:], …]]}.
 */
public final class FluxVerifyStep extends Step {

    /** The default wait. */
    public static final String DEFAULT_TIMEOUT = "5m";

    private String config;
    private String stages;
    private String revision;
    private String kubeconfigCredentialsId;
    private String timeout;
    private boolean reconcile = true;
    private String overrides;

    @DataBoundConstructor
    public FluxVerifyStep() {
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = StepParameters.trimToNull(config);
    }

    public String getStages() {
        return stages;
    }

    @DataBoundSetter
    public void setStages(String stages) {
        this.stages = StepParameters.trimToNull(stages);
    }

    public String getRevision() {
        return revision;
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = StepParameters.trimToNull(revision);
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = StepParameters.trimToNull(kubeconfigCredentialsId);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = StepParameters.trimToNull(timeout);
    }

    public boolean isReconcile() {
        return reconcile;
    }

    @DataBoundSetter
    public void setReconcile(boolean reconcile) {
        this.reconcile = reconcile;
    }

    public String getOverrides() {
        return overrides;
    }

    @DataBoundSetter
    public void setOverrides(String overrides) {
        this.overrides = StepParameters.trimToNull(overrides);
    }

    VerifySettings settings() {
        return new VerifySettings(config, stages, revision, kubeconfigCredentialsId, timeout, reconcile, overrides);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new FluxVerifyExecution(context, settings());
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "fluxVerify";
        }

        @Override
        public String getDisplayName() {
            return Messages.FluxVerifyStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
        }

        public FormValidation doCheckStages(@QueryParameter String value) {
            return Forms.checkStages(value);
        }

        public FormValidation doCheckTimeout(@QueryParameter String value) {
            return Forms.checkDuration(value);
        }

        public FormValidation doCheckOverrides(@QueryParameter String value) {
            return Forms.checkOverrides(value);
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String kubeconfigCredentialsId) {
            return CredentialsLister.kubeconfig(item, kubeconfigCredentialsId);
        }
    }
}
