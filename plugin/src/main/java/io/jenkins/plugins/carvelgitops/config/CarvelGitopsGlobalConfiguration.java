package io.jenkins.plugins.carvelgitops.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.Messages;
import io.jenkins.plugins.carvelgitops.credentials.CredentialsLister;
import io.jenkins.plugins.carvelgitops.steps.StepParameters;
import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → Carvel GitOps: defaults every step and builder falls back on. A value in
 * {@code carvel-gitops.yaml} or a step parameter always wins over these.
 */
@Extension
@Symbol("carvelGitops")
public class CarvelGitopsGlobalConfiguration extends GlobalConfiguration {

    private String repositoryUrl;
    private String branch;
    private String credentialsId;
    private String kubeconfigCredentialsId;
    private String fluxNamespace;
    private List<StageKubeconfig> stages = new ArrayList<>();

    public CarvelGitopsGlobalConfiguration() {
        load();
    }

    public static CarvelGitopsGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CarvelGitopsGlobalConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.GlobalConfiguration_DisplayName();
    }

    public String getRepositoryUrl() {
        return repositoryUrl;
    }

    @DataBoundSetter
    public void setRepositoryUrl(String repositoryUrl) {
        this.repositoryUrl = StepParameters.trimToNull(repositoryUrl);
        save();
    }

    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = StepParameters.trimToNull(branch);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepParameters.trimToNull(credentialsId);
        save();
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = StepParameters.trimToNull(kubeconfigCredentialsId);
        save();
    }

    public String getFluxNamespace() {
        return fluxNamespace;
    }

    @DataBoundSetter
    public void setFluxNamespace(String fluxNamespace) {
        this.fluxNamespace = StepParameters.trimToNull(fluxNamespace);
        save();
    }

    public List<StageKubeconfig> getStages() {
        return stages == null ? List.of() : List.copyOf(stages);
    }

    @DataBoundSetter
    public void setStages(List<StageKubeconfig> stages) {
        this.stages = stages == null ? new ArrayList<>() : new ArrayList<>(stages);
        save();
    }

    /**
     * Binds the submitted form. The form sends no {@code stages} key when every row was deleted, and
     * binding leaves a list it does not see as it was: clear it first so the deletion is saved.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        stages = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** The kubeconfig credential ID for {@code stage}, or null. */
    public String stageKubeconfig(String stage) {
        return getStages().stream().filter(s -> s.getStage().equals(stage)).map(StageKubeconfig::getCredentialsId)
                .filter(id -> !id.isEmpty()).findFirst().orElse(null);
    }

    /** Config keys these defaults fill in where {@code carvel-gitops.yaml} leaves them out. */
    public LinkedHashMap<String, String> configDefaults() {
        return GlobalDefaults.of(repositoryUrl, branch, fluxNamespace);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId,
            @QueryParameter String repositoryUrl) {
        return CredentialsLister.git(null, credentialsId, repositoryUrl);
    }

    @POST
    public ListBoxModel doFillKubeconfigCredentialsIdItems(@QueryParameter String kubeconfigCredentialsId) {
        return CredentialsLister.kubeconfig(null, kubeconfigCredentialsId);
    }

    @POST
    public FormValidation doCheckFluxNamespace(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String ns = StepParameters.trimToNull(value);
        if (ns == null) {
            return FormValidation.ok();
        }
        String problem = Names.labelProblem(ns);
        return problem == null ? FormValidation.ok() : FormValidation.error(ns + " " + problem);
    }

    @POST
    public FormValidation doCheckRepositoryUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String problem = GlobalDefaults.repositoryUrlProblem(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
}
