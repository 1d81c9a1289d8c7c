package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code fluxVerify} in a real Pipeline: what it verifies when given no stages, and how a wait that
 * cannot succeed (a build cluster nobody answers on) ends, is recorded and keeps its secrets.
 */
@WithJenkins
class FluxVerifyStepTest {

    private static final String TOKEN = "s3cr3t-kubeconfig-token";

    /** A kubeconfig for a server that refuses connections, holding a token that must never be printed. */
    private static void unreachableCluster() throws Exception {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster:
                    server: https://127.0.0.1:1
                    insecure-skip-tls-verify: true
                users:
                - name: ci
                  user:
                    token: %s
                contexts:
                - name: nowhere
                  context:
                    cluster: nowhere
                    user: ci
                current-context: nowhere
                """.formatted(TOKEN);
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "build-kubeconfig", "build cluster", Secret.fromString(kubeconfig)));
    }

    @Test
    void withNoStagesAndNothingPushedItFailsAtOnce(JenkinsRule j, @TempDir Path gitops) throws Exception {
        unreachableCluster();
        WorkflowJob p = j.createProject(WorkflowJob.class, "nothing");
        p.setDefinition(new CpsFlowDefinition("node { fluxVerify(kubeconfigCredentialsId: 'build-kubeconfig') }",
                true));
        RenderStepTest.example(j.jenkins.getWorkspaceFor(p), gitops.resolve("repo").toString());

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("nothing to verify: no earlier step of this build pushed a commit", b);
    }

    @Test
    void verifiesWhatTheBuildPushedAndATimeoutFailsWithTheTable(JenkinsRule j, @TempDir Path gitops) throws Exception {
        unreachableCluster();
        WorkflowJob p = j.createProject(WorkflowJob.class, "verify");
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  carvelGitopsRender(stages: 'staging')
                  fluxVerify(kubeconfigCredentialsId: 'build-kubeconfig', timeout: '5s', reconcile: false)
                }
                """, true));
        RenderStepTest.example(j.jenkins.getWorkspaceFor(p), gitops.resolve("repo").toString());

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("[carvel-gitops] verifying staging at ", b);
        j.assertLogContains("fluxVerify ", b);
        j.assertLogContains("[carvel-gitops] STAGE", b);
        CarvelGitopsAction action = b.getAction(CarvelGitopsAction.class);
        String pushed = action.pushedByStage().get("staging").getCommit();
        assertThat(action.getStageResults()).singleElement().satisfies(r -> {
            assertThat(r.getStage()).isEqualTo("staging");
            assertThat(r.isReady()).isFalse();
            assertThat(r.getState()).isIn("timedOut", "failed", "progressing");
            assertThat(r.getRevision()).isEqualTo(pushed);
        });
        assertThat(action.getVerifiedRevision()).isEqualTo(pushed);
        j.assertLogNotContains(TOKEN, b);
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(TOKEN);
            }
        }
        Path workspace = Path.of(j.jenkins.getWorkspaceFor(p).getRemote());
        try (Stream<Path> files = Files.walk(workspace.resolveSibling(workspace.getFileName() + "@tmp"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(TOKEN);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // a local repository needs no cache: nothing was written beside the workspace
        }
        j.createWebClient().getPage(b, "carvel-gitops");
    }

    @Test
    void aWaitFluxCompletesReturnsReadyStagesAndUsesTheStepsGitCredential(JenkinsRule j, @TempDir Path dir)
            throws Exception {
        try (SimulatedFlux flux = SimulatedFlux.start(dir, true)) {
            flux.addCredentials();
            StringCredentialsImpl token = new StringCredentialsImpl(CredentialsScope.GLOBAL, "job-token",
                    "the job's own Git token", Secret.fromString("s3cr3t-verify-token"));
            SystemCredentialsProvider.getInstance().getCredentials().add(token);
            WorkflowRun b = j.buildAndAssertSuccess(flux.verifyJob(j, "ready", null, "credentialsId: 'job-token'"));

            j.assertLogContains(flux.readyLine(), b);
            j.assertLogContains("[carvel-gitops] STAGE", b);
            assertThat(b.getAction(CarvelGitopsAction.class).getStageResults()).singleElement().satisfies(r -> {
                assertThat(r.getStage()).isEqualTo("prod");
                assertThat(r.isReady()).isTrue();
                assertThat(r.getRevision()).isEqualTo(flux.sha);
            });
            assertThat(com.cloudbees.plugins.credentials.CredentialsProvider.getFingerprintOf(token))
                    .as("fluxVerify looked up its own credentialsId, not the global one").isNotNull();
            j.assertLogNotContains("s3cr3t-verify-token", b);
        }
    }
}
