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
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code carvelGitopsRender}: renders the Package for the given stages (default: the first), validates
 * everything, and commits and pushes the result to the GitOps repository. Returns
 * {@code [package:, version:, stages:, commit:, changed:, dryRun:, files:, changedFiles:]}.
 */
public final class RenderStep extends Step {

    private final RenderSettings settings = new RenderSettings();

    @DataBoundConstructor
    public RenderStep() {
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

    RenderSettings settings() {
        return settings;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, settings());
    }

    /** Clone, render, commit and push: finite I/O on the agent, off the Pipeline thread. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient RenderSettings settings;

        Execution(StepContext context, RenderSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            Delivery d = DeliveryRunner.render(settings, c.get(Run.class), c.get(FilePath.class), c.get(EnvVars.class),
                    c.get(TaskListener.class));
            return d.getDocument();
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "carvelGitopsRender";
        }

        @Override
        public String getDisplayName() {
            return Messages.RenderStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
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
