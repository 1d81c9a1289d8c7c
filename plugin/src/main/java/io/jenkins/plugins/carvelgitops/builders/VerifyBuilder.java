package io.jenkins.plugins.carvelgitops.builders;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.Messages;
import io.jenkins.plugins.carvelgitops.credentials.CredentialsLister;
import io.jenkins.plugins.carvelgitops.steps.Forms;
import io.jenkins.plugins.carvelgitops.steps.StepParameters;
import io.jenkins.plugins.carvelgitops.steps.Steps;
import io.jenkins.plugins.carvelgitops.steps.VerifySettings;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Flux verification as a freestyle build step: waits (holding the build's executor, as freestyle
 * builds do) until Flux has applied the commit and the stages report the version. Parameters as
 * {@code fluxVerify}.
 */
public final class VerifyBuilder extends Builder implements SimpleBuildStep {

    private String config;
    private String stages;
    private String revision;
    private String kubeconfigCredentialsId;
    private String timeout;
    private boolean reconcile = true;
    private String overrides;

    @DataBoundConstructor
    public VerifyBuilder() {
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

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        VerifySettings s = new VerifySettings(RenderBuilder.expand(env, config), RenderBuilder.expand(env, stages),
                RenderBuilder.expand(env, revision), kubeconfigCredentialsId, RenderBuilder.expand(env, timeout),
                reconcile, RenderBuilder.expand(env, overrides));
        Steps.verify(s, run, workspace, listener);
    }

    @Extension
    @Symbol("fluxVerifyBuilder")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.VerifyBuilder_DisplayName();
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
