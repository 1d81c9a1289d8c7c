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
import io.jenkins.plugins.carvelgitops.steps.PromoteSettings;
import io.jenkins.plugins.carvelgitops.steps.Steps;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The promote step as a freestyle build step. Parameters as {@code carvelGitopsPromote}; {@code ${VAR}} expanded. */
public final class PromoteBuilder extends Builder implements SimpleBuildStep {

    private PromoteSettings settings;

    @DataBoundConstructor
    public PromoteBuilder(String to) {
        this.settings = new PromoteSettings(to);
    }

    public String getTo() {
        return settings.getTo();
    }

    public String getFrom() {
        return settings.getFrom();
    }

    @DataBoundSetter
    public void setFrom(String from) {
        settings.setFrom(from);
    }

    public String getVersion() {
        return settings.getVersion();
    }

    @DataBoundSetter
    public void setVersion(String version) {
        settings.setVersion(version);
    }

    public boolean isAllowDowngrade() {
        return settings.isAllowDowngrade();
    }

    @DataBoundSetter
    public void setAllowDowngrade(boolean allowDowngrade) {
        settings.setAllowDowngrade(allowDowngrade);
    }

    public boolean isPullRequest() {
        return settings.isPullRequest();
    }

    @DataBoundSetter
    public void setPullRequest(boolean pullRequest) {
        settings.setPullRequest(pullRequest);
    }

    public String getWaitForMerge() {
        return settings.getWaitForMerge();
    }

    @DataBoundSetter
    public void setWaitForMerge(String waitForMerge) {
        settings.setWaitForMerge(waitForMerge);
    }

    public boolean isRequireLive() {
        return settings.isRequireLive();
    }

    @DataBoundSetter
    public void setRequireLive(boolean requireLive) {
        settings.setRequireLive(requireLive);
    }

    public String getConfig() {
        return settings.getConfig();
    }

    @DataBoundSetter
    public void setConfig(String config) {
        settings.setConfig(config);
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
        Steps.promote(settings.expanded(env::expand), run, workspace, env, listener);
    }

    /** A configuration saved without the settings element binds as all defaults (and fails its check). */
    protected Object readResolve() {
        if (settings == null) {
            settings = new PromoteSettings(null);
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
            return Messages.PromoteBuilder_DisplayName();
        }

        public FormValidation doCheckTo(@QueryParameter String value) {
            return Forms.checkStage(value, true);
        }

        public FormValidation doCheckFrom(@QueryParameter String value) {
            return Forms.checkStage(value, false);
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
