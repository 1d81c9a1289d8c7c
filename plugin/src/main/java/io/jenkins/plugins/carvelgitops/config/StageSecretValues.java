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
 * A stage and the ID of the credential (Secret file or Secret text) holding the YAML of its secret
 * values, the keys the stage declares under {@code secretValues}: {@code carvelGitopsBootstrap(secretValues:
 * …)} applies them as the {@code <install>-secret-values} Secret on the stage's run cluster.
 */
public final class StageSecretValues extends AbstractDescribableImpl<StageSecretValues> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final String credentialsId;

    @DataBoundConstructor
    public StageSecretValues(String stage, String credentialsId) {
        this.stage = Objects.requireNonNullElse(StepParameters.trimToNull(stage), "");
        this.credentialsId = Objects.requireNonNullElse(StepParameters.trimToNull(credentialsId), "");
    }

    public String getStage() {
        return stage;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Extension
    @Symbol("stageSecretValues")
    public static final class DescriptorImpl extends Descriptor<StageSecretValues> {

        @Override
        public String getDisplayName() {
            return Messages.StageSecretValues_DisplayName();
        }

        public FormValidation doCheckStage(@QueryParameter String value) {
            return StageKubeconfig.checkStage(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsLister.kubeconfig(item, credentialsId);
        }
    }
}
