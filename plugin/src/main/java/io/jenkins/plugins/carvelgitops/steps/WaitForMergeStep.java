package io.jenkins.plugins.carvelgitops.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.Messages;
import io.jenkins.plugins.carvelgitops.credentials.CredentialsLister;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestUrl;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
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
 * {@code carvelGitopsWaitForMerge}: waits until a promotion's pull request is merged, looking at it on
 * timer ticks. Needs no workspace (run it outside {@code node}, so no executor is held), can be
 * aborted, and goes on after a controller restart. Returns {@code [provider:, number:, url:, state:,
 * mergeCommit:, closedBy:, wait:, waitedSeconds:]}; closed unmerged or still open at the timeout fails.
 */
public final class WaitForMergeStep extends Step {

    static final String DEFAULT_TIMEOUT = "1h";

    private final String url;
    private String timeout;
    private String credentialsId;
    private String apiUrl;

    @DataBoundConstructor
    public WaitForMergeStep(String url) {
        this.url = StepParameters.trimToNull(url);
    }

    public String getUrl() {
        return url;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = StepParameters.trimToNull(timeout);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepParameters.trimToNull(credentialsId);
    }

    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = StepParameters.trimToNull(apiUrl);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new WaitForMergeExecution(context, this);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "carvelGitopsWaitForMerge";
        }

        @Override
        public String getDisplayName() {
            return Messages.WaitForMergeStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public FormValidation doCheckUrl(@QueryParameter String value) {
            if (StepParameters.trimToNull(value) == null) {
                return FormValidation.error("give the pull request's page");
            }
            try {
                PullRequestUrl.parse(value, null, "url");
                return FormValidation.ok();
            } catch (ValidationException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        public FormValidation doCheckTimeout(@QueryParameter String value) {
            return Forms.checkDuration(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsLister.git(item, credentialsId, null);
        }
    }
}
