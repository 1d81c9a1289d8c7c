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
import io.jenkins.plugins.carvelgitops.steps.Steps;
import io.jenkins.plugins.carvelgitops.steps.VerifySettings;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
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

    private VerifySettings settings = new VerifySettings();

    @DataBoundConstructor
    public VerifyBuilder() {
    }

    public String getConfig() {
        return settings.getConfig();
    }

    @DataBoundSetter
    public void setConfig(String config) {
        settings.setConfig(config);
    }

    public String getStages() {
        return settings.getStages();
    }

    @DataBoundSetter
    public void setStages(String stages) {
        settings.setStages(stages);
    }

    public String getRevision() {
        return settings.getRevision();
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        settings.setRevision(revision);
    }

    public String getKubeconfigCredentialsId() {
        return settings.getKubeconfigCredentialsId();
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        settings.setKubeconfigCredentialsId(kubeconfigCredentialsId);
    }

    public String getCredentialsId() {
        return settings.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        settings.setCredentialsId(credentialsId);
    }

    public String getTimeout() {
        return settings.getTimeout();
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        settings.setTimeout(timeout);
    }

    public boolean isReconcile() {
        return settings.isReconcile();
    }

    @DataBoundSetter
    public void setReconcile(boolean reconcile) {
        settings.setReconcile(reconcile);
    }

    public String getOverrides() {
        return settings.getOverrides();
    }

    @DataBoundSetter
    public void setOverrides(String overrides) {
        settings.setOverrides(overrides);
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        Steps.verify(settings.expanded(env::expand), run, workspace, env, listener);
    }

    /** A configuration saved without the settings element binds as all defaults. */
    protected Object readResolve() {
        if (settings == null) {
            settings = new VerifySettings();
        }
        return this;
    }

    @Extension
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

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsLister.git(item, credentialsId, null);
        }
    }
}
