package io.jenkins.plugins.carvelgitops.config;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.Messages;
import io.jenkins.plugins.carvelgitops.credentials.CredentialsLister;
import io.jenkins.plugins.carvelgitops.steps.StepParameters;
import java.io.Serializable;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A stage (run cluster) and the ID of the credential holding its kubeconfig: in the global
 * configuration and in {@code carvelGitopsBootstrap(stageKubeconfigs: …)}.
 */
public final class StageKubeconfig extends AbstractDescribableImpl<StageKubeconfig> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final String credentialsId;

    @DataBoundConstructor
    public StageKubeconfig(String stage, String credentialsId) {
        this.stage = Objects.requireNonNullElse(StepParameters.trimToNull(stage), "");
        this.credentialsId = Objects.requireNonNullElse(StepParameters.trimToNull(credentialsId), "");
    }

    public String getStage() {
        return stage;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The form check of a stage name, shared by every per-stage credential. */
    static FormValidation checkStage(String value) {
        String name = StepParameters.trimToNull(value);
        if (name == null) {
            return FormValidation.error(Messages.Validation_StageRequired());
        }
        String problem = StepParameters.stageNameProblem(name);
        return problem == null ? FormValidation.ok() : FormValidation.error(name + " " + problem);
    }

    @Extension
    @Symbol("stageKubeconfig")
    public static final class DescriptorImpl extends Descriptor<StageKubeconfig> {

        @Override
        public String getDisplayName() {
            return Messages.StageKubeconfig_DisplayName();
        }

        public FormValidation doCheckStage(@QueryParameter String value) {
            return checkStage(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsLister.kubeconfig(item, credentialsId);
        }
    }
}
