package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.Messages;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.config.StageKubeconfig;
import io.jenkins.plugins.carvelgitops.config.StageSecretValues;
import io.jenkins.plugins.carvelgitops.credentials.CredentialLookup;
import io.jenkins.plugins.carvelgitops.credentials.CredentialsLister;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * {@code carvelGitopsBootstrap}: applies (server-side, idempotent) what the clusters need before the
 * first delivery: on the build cluster the Git auth Secret, one kubeconfig Secret per run cluster,
 * the GitRepository and the Kustomizations; on each run cluster the namespace, service account and
 * RBAC. Returns the engine's document of what was applied: {@code [dryRun: false, objects: [[cluster:,
 * object:, result:], ...], warnings: [...]]}.
 */
public final class BootstrapStep extends Step {

    private String config;
    private String kubeconfigCredentialsId;
    private List<StageKubeconfig> stageKubeconfigs = new ArrayList<>();
    private List<StageSecretValues> secretValues = new ArrayList<>();
    private String credentialsId;
    private String overrides;

    @DataBoundConstructor
    public BootstrapStep() {
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = StepParameters.trimToNull(config);
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = StepParameters.trimToNull(kubeconfigCredentialsId);
    }

    public List<StageKubeconfig> getStageKubeconfigs() {
        return List.copyOf(stageKubeconfigs);
    }

    @DataBoundSetter
    public void setStageKubeconfigs(List<StageKubeconfig> stageKubeconfigs) {
        this.stageKubeconfigs = stageKubeconfigs == null ? new ArrayList<>() : new ArrayList<>(stageKubeconfigs);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public List<StageSecretValues> getSecretValues() {
        return List.copyOf(secretValues);
    }

    @DataBoundSetter
    public void setSecretValues(List<StageSecretValues> secretValues) {
        this.secretValues = secretValues == null ? new ArrayList<>() : new ArrayList<>(secretValues);
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepParameters.trimToNull(credentialsId);
    }

    public String getOverrides() {
        return overrides;
    }

    @DataBoundSetter
    public void setOverrides(String overrides) {
        this.overrides = StepParameters.trimToNull(overrides);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, this);
    }

    /** Server-side applies: finite I/O on the agent, off the Pipeline thread. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient BootstrapStep step;

        Execution(StepContext context, BootstrapStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            FilePath workspace = getContext().get(FilePath.class);
            TaskListener listener = getContext().get(TaskListener.class);
            CarvelGitopsGlobalConfiguration global = CarvelGitopsGlobalConfiguration.get();
            LinkedHashMap<String, String> overrides;
            try {
                overrides = new LinkedHashMap<>(StepParameters.overrides(step.overrides));
            } catch (IllegalArgumentException e) {
                throw new AbortException(e.getMessage());
            }
            String buildId = step.kubeconfigCredentialsId != null ? step.kubeconfigCredentialsId
                    : global.getKubeconfigCredentialsId();
            if (buildId == null) {
                throw new AbortException("carvelGitopsBootstrap needs the build cluster's kubeconfig: set "
                        + "kubeconfigCredentialsId or the build cluster kubeconfig in the global configuration");
            }
            String buildKubeconfig = CredentialLookup.kubeconfig(run, buildId);
            LinkedHashMap<String, String> stageKubeconfigs = new LinkedHashMap<>();
            List<StageKubeconfig> stages = step.stageKubeconfigs.isEmpty() ? global.getStages()
                    : step.stageKubeconfigs;
            for (StageKubeconfig s : stages) {
                stageKubeconfigs.put(s.getStage(), CredentialLookup.kubeconfig(run, s.getCredentialsId()));
            }
            LinkedHashMap<String, String> secretValues = new LinkedHashMap<>();
            for (StageSecretValues s : step.secretValues) {
                secretValues.put(s.getStage(), CredentialLookup.secretValues(run, s.getCredentialsId()));
            }
            ConfigInputs inputs = new ConfigInputs(StepParameters.configOrDefault(step.config),
                    global.configDefaults(), overrides);
            String gitId = step.credentialsId != null ? step.credentialsId : global.getCredentialsId();
            StandardUsernamePasswordCredentials git = gitId == null ? null
                    : CredentialLookup.git(run, gitId, ConfiguredRepositoryUrl.of(workspace, inputs));
            return workspace.act(new BootstrapCallable(inputs, buildKubeconfig, stageKubeconfigs, secretValues, git,
                    listener));
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "carvelGitopsBootstrap";
        }

        @Override
        public String getDisplayName() {
            return Messages.BootstrapStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
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
