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
import io.jenkins.plugins.carvelgitops.steps.RenderSettings;
import io.jenkins.plugins.carvelgitops.steps.Steps;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The render step as a freestyle build step. Parameters as {@code carvelGitopsRender}; {@code ${VAR}} expanded. */
public final class RenderBuilder extends Builder implements SimpleBuildStep {

    private RenderSettings settings = new RenderSettings();

    @DataBoundConstructor
    public RenderBuilder() {
    }

    public String getConfig() {
        return settings.getConfig();
    }

    @DataBoundSetter
    public void setConfig(String config) {
        settings.setConfig(config);
    }

    public String getPackageFile() {
        return settings.getPackageFile();
    }

    @DataBoundSetter
    public void setPackageFile(String packageFile) {
        settings.setPackageFile(packageFile);
    }

    public String getStages() {
        return settings.getStages();
    }

    @DataBoundSetter
    public void setStages(String stages) {
        settings.setStages(stages);
    }

    public String getCredentialsId() {
        return settings.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        settings.setCredentialsId(credentialsId);
    }

    public boolean isDryRun() {
        return settings.isDryRun();
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        settings.setDryRun(dryRun);
    }

    public boolean isAllowDowngrade() {
        return settings.isAllowDowngrade();
    }

    @DataBoundSetter
    public void setAllowDowngrade(boolean allowDowngrade) {
        settings.setAllowDowngrade(allowDowngrade);
    }

    public boolean isKeepVersion() {
        return settings.isKeepVersion();
    }

    @DataBoundSetter
    public void setKeepVersion(boolean keepVersion) {
        settings.setKeepVersion(keepVersion);
    }

    public String getMessage() {
        return settings.getMessage();
    }

    @DataBoundSetter
    public void setMessage(String message) {
        settings.setMessage(message);
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
        Steps.render(settings.expanded(env::expand), run, workspace, env, listener);
    }

    /** A configuration saved without the settings element binds as all defaults. */
    protected Object readResolve() {
        if (settings == null) {
            settings = new RenderSettings();
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
            return Messages.RenderBuilder_DisplayName();
        }

        public FormValidation doCheckStages(@QueryParameter String value) {
            return Forms.checkStages(value);
        }

        public FormValidation doCheckOverrides(@QueryParameter String value) {
            return Forms.checkOverrides(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsLister.git(item, credentialsId, null);
        }
    }
}
