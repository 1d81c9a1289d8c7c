package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.Fingerprint;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code carvelGitopsRender} in a real Pipeline, against a repository in a local folder. */
@WithJenkins
class RenderStepTest {

    static void example(FilePath workspace, String repositoryUrl) throws Exception {
        workspace.child("package.yaml").copyFrom(RenderStepTest.class.getResource("package.yaml"));
        String config = new String(RenderStepTest.class.getResourceAsStream("carvel-gitops.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        // forward slashes: a Windows path's backslashes are escapes in the double-quoted YAML scalar
        workspace.child("carvel-gitops.yaml").write(config.replace("@REPOSITORY@", repositoryUrl.replace('\\', '/')),
                "UTF-8");
    }

    @Test
    void rendersCommitsAndReturnsAMapAndRecordsTheBuild(JenkinsRule j, @TempDir Path gitops) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "render");
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  def r = carvelGitopsRender(stages: 'staging')
                  echo "version=${r.version} commit=${r.commit} changed=${r.changed} files=${r.files.size()}"
                  def again = carvelGitopsRender(stages: 'staging')
                  echo "second changed=${again.changed}"
                }
                """, true));
        example(j.jenkins.getWorkspaceFor(p), gitops.resolve("repo").toString());

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("version=20240318141801.0.0", b);
        j.assertLogContains("changed=true", b);
        j.assertLogContains("second changed=false", b);
        j.assertLogContains("[carvel-gitops] render hello.default.tap 20240318141801.0.0", b);
        try (Git git = Git.open(gitops.resolve("repo").toFile())) {
            assertThat(git.log().call().iterator().next().getFullMessage()).contains("Version: 20240318141801.0.0");
        }
        CarvelGitopsAction action = b.getAction(CarvelGitopsAction.class);
        assertThat(action.pushedByStage()).containsOnlyKeys("staging");
        j.createWebClient().getPage(b, "carvel-gitops");
    }

    @Test
    void badInputFailsWithOneLineAndWritesNothing(JenkinsRule j, @TempDir Path gitops) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "bad");
        p.setDefinition(new CpsFlowDefinition("node { carvelGitopsRender(stages: 'nope') }", true));
        example(j.jenkins.getWorkspaceFor(p), gitops.resolve("repo").toString());
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("nope", b);
        j.assertLogNotContains("\tat io.jenkins", b);
        assertThat(gitops.resolve("repo")).doesNotExist();
    }

    @Test
    void aWrongTypedCredentialIsNamedAndTheSecretNeverPrinted(JenkinsRule j, @TempDir Path gitops) throws Exception {
        String token = "s3cr3t-token-value";
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "tok", "a token", Secret.fromString(token)));
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl(CredentialsScope.GLOBAL, "file",
                        "a file", "kubeconfig", com.cloudbees.plugins.credentials.SecretBytes.fromString("x")));
        WorkflowJob p = j.createProject(WorkflowJob.class, "creds");
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  carvelGitopsRender(stages: 'staging', credentialsId: 'tok')
                  carvelGitopsRender(stages: 'staging', credentialsId: 'file')
                }
                """, true));
        example(j.jenkins.getWorkspaceFor(p), gitops.resolve("repo").toString());
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("Git credential 'file' is a", b);
        j.assertLogContains("expected a Username with password or Secret text credential", b);
        j.assertLogNotContains(token, b);
        Fingerprint fp = CredentialsProvider.getFingerprintOf(
                CredentialsProvider.findCredentialById("tok", StringCredentialsImpl.class, b));
        assertThat(fp).as("the token's use is tracked on the build").isNotNull();
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(token);
            }
        }
    }
}
