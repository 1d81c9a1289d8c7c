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
import io.jenkins.plugins.carvelgitops.steps.StepParameters;
import io.jenkins.plugins.carvelgitops.steps.Steps;
import java.io.IOException;
import java.util.Objects;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The promote step as a freestyle build step. Parameters as {@code carvelGitopsPromote}; {@code ${VAR}} expanded. */
public final class PromoteBuilder extends Builder implements SimpleBuildStep {

    private final String to;
    private String from;
    private String version;
    private boolean allowDowngrade;
    private String config;
    private String credentialsId;
    private boolean dryRun;
    private String message;
    private String overrides;

    @DataBoundConstructor
    public PromoteBuilder(String to) {
        this.to = Objects.requireNonNullElse(StepParameters.trimToNull(to), "");
    }

    public String getTo() {
        return to;
    }

    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = StepParameters.trimToNull(from);
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = StepParameters.trimToNull(version);
    }

    public boolean isAllowDowngrade() {
        return allowDowngrade;
    }

    @DataBoundSetter
    public void setAllowDowngrade(boolean allowDowngrade) {
        this.allowDowngrade = allowDowngrade;
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = StepParameters.trimToNull(config);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepParameters.trimToNull(credentialsId);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getMessage() {
        return message;
    }

    @DataBoundSetter
    public void setMessage(String message) {
        this.message = StepParameters.trimToNull(message);
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
        PromoteSettings s = new PromoteSettings(RenderBuilder.expand(env, config), RenderBuilder.expand(env, from),
                RenderBuilder.expand(env, to), RenderBuilder.expand(env, version), allowDowngrade, credentialsId,
                dryRun, RenderBuilder.expand(env, message), RenderBuilder.expand(env, overrides));
        Steps.promote(s, run, workspace, env, listener);
    }

    @Extension
    @Symbol("carvelGitopsPromoteBuilder")
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
