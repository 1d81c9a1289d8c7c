package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.carvelgitops.builders.PromoteBuilder;
import io.jenkins.plugins.carvelgitops.builders.RenderBuilder;
import io.jenkins.plugins.carvelgitops.builders.VerifyBuilder;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.config.StageKubeconfig;
import io.jenkins.plugins.carvelgitops.config.StageSecretValues;
import io.jenkins.plugins.carvelgitops.steps.BootstrapStep;
import io.jenkins.plugins.carvelgitops.steps.FluxVerifyStep;
import io.jenkins.plugins.carvelgitops.steps.PromoteStep;
import io.jenkins.plugins.carvelgitops.steps.RenderStep;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BuildersAndConfigurationTest {

    @Test
    void freestyleRenderBuilderRuns(JenkinsRule j, @TempDir Path gitops) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("fs");
        RenderBuilder builder = new RenderBuilder();
        builder.setStages("staging");
        p.getBuildersList().add(builder);
        RenderStepTest.example(j.jenkins.getWorkspaceFor(p), gitops.resolve("repo").toString());
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
        promote.setRequireLive(true);
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
        step.setCredentialsId("gitops-token");
        step.setDryRun(true);
        step.setOverrides("repository.branch=release");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void snippetGeneratorRoundTripOfThePromoteStep(JenkinsRule j) throws Exception {
        PromoteStep step = new PromoteStep("prod");
        step.setFrom("staging");
        step.setVersion("1.4.2");
        step.setAllowDowngrade(true);
        step.setCredentialsId("gitops-token");
        step.setMessage("Roll back prod");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void snippetGeneratorRoundTripOfTheVerifyStep(JenkinsRule j) throws Exception {
        FluxVerifyStep step = new FluxVerifyStep();
        step.setStages("prod");
        step.setRevision("1a2b3c4d");
        step.setKubeconfigCredentialsId("build-kubeconfig");
        step.setCredentialsId("gitops-token");
        step.setTimeout("10m");
        step.setReconcile(false);
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void snippetGeneratorRoundTripOfTheBootstrapStep(JenkinsRule j) throws Exception {
        BootstrapStep step = new BootstrapStep();
        step.setKubeconfigCredentialsId("build-kubeconfig");
        step.setStageKubeconfigs(List.of(new StageKubeconfig("prod", "prod-kubeconfig")));
        step.setSecretValues(List.of(new StageSecretValues("prod", "prod-db-secrets")));
        step.setCredentialsId("gitops-token");
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
    void deletingEveryStageRowInTheFormIsSaved(JenkinsRule j) throws Exception {
        CarvelGitopsGlobalConfiguration.get().setStages(List.of(new StageKubeconfig("staging", "kc-staging"),
                new StageKubeconfig("prod", "kc-prod")));
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            for (HtmlInput stage : form.getInputsByName("_.stage")) {
                DomNode chunk = stage;
                while (!(chunk instanceof HtmlElement e && e.getAttribute("class").contains("repeated-chunk"))) {
                    chunk = chunk.getParentNode();
                }
                ((HtmlElement) chunk.querySelector(".repeatable-delete")).click();
            }
            assertThat(form.getInputsByName("_.stage")).isEmpty();
            j.submit(form);
        }
        assertThat(CarvelGitopsGlobalConfiguration.get().getStages()).isEmpty();
        assertThat(CarvelGitopsGlobalConfiguration.get().stageKubeconfig("prod")).isNull();
    }

    @Test
    void credentialsDropdownsAcceptUseItemAndOfferNothingWithoutIt(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "git-up", "gitops", "bot", "pw-123456789012345"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "user")
                .grant(CredentialsProvider.USE_ITEM).everywhere().to("user"));
        FreeStyleProject p = j.createFreeStyleProject("perm");
        RenderStep.DescriptorImpl d = j.jenkins.getDescriptorByType(RenderStep.DescriptorImpl.class);
        try (ACLContext ctx = ACL.as2(User.getById("user", true).impersonate2())) {
            assertThat(d.doFillCredentialsIdItems(p, "")).extracting(o -> o.value).contains("git-up");
        }
        try (ACLContext ctx = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(d.doFillCredentialsIdItems(p, "current")).extracting(o -> o.value)
                    .containsExactly("current");
        }
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
