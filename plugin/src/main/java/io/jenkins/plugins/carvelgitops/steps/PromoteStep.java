package io.jenkins.plugins.carvelgitops.steps;

import hudson.EnvVars;
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
 * {@code carvelGitopsPromote}: moves the version a stage runs to the next stage ({@code to}), or an
 * explicit {@code version}, and pushes. Returns {@code [package:, version:, stages:, commit:, changed:,
 * dryRun:, from:, to:, changedFiles:]}, and {@code pullRequest:} when it went through one.
 */
public final class PromoteStep extends Step {

    private final PromoteSettings settings;

    @DataBoundConstructor
    public PromoteStep(String to) {
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

    PromoteSettings settings() {
        return settings;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new PromoteExecution(context, settings());
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "carvelGitopsPromote";
        }

        @Override
        public String getDisplayName() {
            return Messages.PromoteStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
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
