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
import io.jenkins.plugins.carvelgitops.steps.StepParameters;
import io.jenkins.plugins.carvelgitops.steps.Steps;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The render step as a freestyle build step. Parameters as {@code carvelGitopsRender}; {@code ${VAR}} expanded. */
public final class RenderBuilder extends Builder implements SimpleBuildStep {

    private String config;
    private String packageFile;
    private String stages;
    private String credentialsId;
    private boolean dryRun;
    private String message;
    private String overrides;

    @DataBoundConstructor
    public RenderBuilder() {
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = StepParameters.trimToNull(config);
    }

    public String getPackageFile() {
        return packageFile;
    }

    @DataBoundSetter
    public void setPackageFile(String packageFile) {
        this.packageFile = StepParameters.trimToNull(packageFile);
    }

    public String getStages() {
        return stages;
    }

    @DataBoundSetter
    public void setStages(String stages) {
        this.stages = StepParameters.trimToNull(stages);
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
        RenderSettings s = new RenderSettings(expand(env, config), expand(env, packageFile), expand(env, stages),
                credentialsId, dryRun, expand(env, message), expand(env, overrides));
        Steps.render(s, run, workspace, env, listener);
    }

    static String expand(EnvVars env, String value) {
        return value == null ? null : StepParameters.trimToNull(env.expand(value));
    }

    @Extension
    @Symbol("carvelGitopsRenderBuilder")
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
