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
import java.util.Objects;
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
 * {@code carvelGitopsPromote}: moves the version a stage runs to the next stage ({@code to}), or an
 * explicit {@code version}, and pushes. Returns {@code [package:, version:, stages:, commit:, changed:,
 * dryRun:, from:, to:, changedFiles:]}.
 */
public final class PromoteStep extends Step {

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
    public PromoteStep(String to) {
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

    PromoteSettings settings() {
        return new PromoteSettings(config, from, to, version, allowDowngrade, credentialsId, dryRun, message,
                overrides);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, settings());
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient PromoteSettings settings;

        Execution(StepContext context, PromoteSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            Delivery d = PromoteRunner.run(settings, c.get(Run.class), c.get(FilePath.class), c.get(EnvVars.class),
                    c.get(TaskListener.class));
            return StepResults.promote(d, settings.from(), settings.to());
        }
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
