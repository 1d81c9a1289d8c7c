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

    private final VerifySettings settings = new VerifySettings();

    @DataBoundConstructor
    public FluxVerifyStep() {
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

    VerifySettings settings() {
        return settings;
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

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsLister.git(item, credentialsId, null);
        }
    }
}
