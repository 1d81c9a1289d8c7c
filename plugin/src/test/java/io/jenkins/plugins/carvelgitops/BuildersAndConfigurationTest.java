package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.builders.PromoteBuilder;
import io.jenkins.plugins.carvelgitops.builders.RenderBuilder;
import io.jenkins.plugins.carvelgitops.builders.VerifyBuilder;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.config.StageKubeconfig;
import io.jenkins.plugins.carvelgitops.steps.RenderStep;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BuildersAndConfigurationTest {

    @Test
    void freestyleRenderBuilderRuns(JenkinsRule j, @TempDir Path gitops) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("fs");
        RenderBuilder builder = new RenderBuilder();
        builder.setStages("staging");
        p.getBuildersList().add(builder);
        j.buildAndAssertSuccess(p); // creates the workspace
        RenderStepTest.example(p.getSomeWorkspace(), gitops.resolve("repo").toString());
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        assertThat(b.getAction(CarvelGitopsAction.class).getLatest().getVersion()).isEqualTo("20240318141801.0.0");
    }

    @Test
    void buildersSurviveAConfigurationRoundTrip(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("rt");
        RenderBuilder render = new RenderBuilder();
        render.setStages("staging, prod");
        render.setDryRun(true);
        PromoteBuilder promote = new PromoteBuilder("prod");
        promote.setFrom("staging");
        VerifyBuilder verify = new VerifyBuilder();
        verify.setTimeout("10m");
        p.getBuildersList().addAll(List.of(render, promote, verify));
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(render, p.getBuildersList().get(RenderBuilder.class));
        j.assertEqualDataBoundBeans(promote, p.getBuildersList().get(PromoteBuilder.class));
        j.assertEqualDataBoundBeans(verify, p.getBuildersList().get(VerifyBuilder.class));
    }

    @Test
    void snippetGeneratorRoundTripOfTheRenderStep(JenkinsRule j) throws Exception {
        RenderStep step = new RenderStep();
        step.setStages("staging");
        step.setOverrides("repository.branch=release");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void globalConfigurationRoundTrip(JenkinsRule j) throws Exception {
        CarvelGitopsGlobalConfiguration c = CarvelGitopsGlobalConfiguration.get();
        c.setRepositoryUrl("https://git.example.com/acme/gitops.git");
        c.setBranch("main");
        c.setFluxNamespace("build-ns");
        c.setStages(List.of(new StageKubeconfig("staging", "kc-staging")));
        j.configRoundtrip();
        assertThat(CarvelGitopsGlobalConfiguration.get().getRepositoryUrl())
                .isEqualTo("https://git.example.com/acme/gitops.git");
        assertThat(CarvelGitopsGlobalConfiguration.get().stageKubeconfig("staging")).isEqualTo("kc-staging");
    }

    @Test
    void credentialsDropdownsOfferOnlyMatchingTypes(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "git-up", "gitops", "bot", "pw-123456789012345"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        FreeStyleProject p = j.createFreeStyleProject("dd");
        RenderStep.DescriptorImpl d = j.jenkins.getDescriptorByType(RenderStep.DescriptorImpl.class);
        ListBoxModel git = d.doFillCredentialsIdItems(p, "");
        assertThat(git).extracting(o -> o.value).contains("git-up");
        var kube = CarvelGitopsGlobalConfiguration.get().doFillKubeconfigCredentialsIdItems("");
        assertThat(kube).extracting(o -> o.value).doesNotContain("git-up");
    }
}
