package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainSpecification;
import com.cloudbees.plugins.credentials.domains.SchemeSpecification;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.steps.Delivery;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code carvelGitopsPromote} in a real Pipeline against a bare repository reached by a
 * {@code file://} URL, so that both steps publish through git-client (the remote path), not through a
 * local working copy.
 */
@WithJenkins
class PromoteStepTest {

    private static final String VERSION = "20240318141801.0.0";

    private static String bareRepository(Path dir) throws Exception {
        Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call().close();
        return dir.toUri().toString();
    }

    @Test
    void rendersThenPromotesThroughGitClientAndReturnsTheOutcome(JenkinsRule j, @TempDir Path tmp) throws Exception {
        String token = "s3cr3t-promote-token";
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "gitops-token", "a token", Secret.fromString(token)));
        Path bare = tmp.resolve("gitops.git");
        String url = bareRepository(bare);
        WorkflowJob p = j.createProject(WorkflowJob.class, "promote");
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  carvelGitopsRender(stages: 'staging', credentialsId: 'gitops-token')
                  def preview = carvelGitopsPromote(from: 'staging', to: 'prod', dryRun: true)
                  echo "preview changed=${preview.changed} files=${preview.changedFiles}"
                  def r = carvelGitopsPromote(to: 'prod', credentialsId: 'gitops-token')
                  echo "promoted ${r.version} from=${r.from} to=${r.to} changed=${r.changed} downgrade=${r.downgrade} commit=${r.commit}"
                  def again = carvelGitopsPromote(to: 'prod', credentialsId: 'gitops-token')
                  echo "again changed=${again.changed}"
                }
                """, true));
        FilePath ws = j.jenkins.getWorkspaceFor(p);
        RenderStepTest.example(ws, url);

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("preview changed=false files=[hello.default.tap/prod/", b);
        j.assertLogContains("promoted " + VERSION + " from=staging to=prod changed=true downgrade=false", b);
        j.assertLogContains("again changed=false", b);
        j.assertLogContains("[carvel-gitops] promote hello.default.tap " + VERSION + " staging \u2192 prod", b);
        try (Git git = Git.open(bare.toFile())) {
            RevCommit head = git.log().add(git.getRepository().resolve("refs/heads/main")).call().iterator().next();
            assertThat(head.getFullMessage()).contains("prod");
            assertThat(head.getParentCount()).as("history stays linear").isEqualTo(1);
            j.assertLogContains("commit=" + head.name(), b);
        }
        Delivery promoted = b.getAction(CarvelGitopsAction.class).pushedByStage().get("prod");
        assertThat(promoted.getKind()).isEqualTo("promote");
        assertThat(promoted.getFrom()).isEqualTo("staging");

        j.assertLogNotContains(token, b);
        FilePath scratch = ws.sibling(ws.getName() + "@tmp");
        assertThat(scratch == null || !scratch.exists() || scratch.list("gitops-*/**").length == 0)
                .as("the working copies are gone after the step").isTrue();
        for (Path root : new Path[] {b.getRootDir().toPath(), Path.of(ws.getRemote()), bare}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(token);
                }
            }
        }
    }

    @Test
    void promotingTheFirstStageNeedsFromOrVersion(JenkinsRule j, @TempDir Path tmp) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "first");
        p.setDefinition(new CpsFlowDefinition("node { carvelGitopsPromote(to: 'staging') }", true));
        RenderStepTest.example(j.jenkins.getWorkspaceFor(p), bareRepository(tmp.resolve("gitops.git")));
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("is the first stage, so no stage comes before it", b);
        j.assertLogNotContains("\tat io.jenkins", b);
    }

    @Test
    void aDomainRestrictedCredentialIsMatchedAgainstTheConfigFilesUrl(JenkinsRule j, @TempDir Path tmp)
            throws Exception {
        // the global default names another host; the config file's file:// URL is where the push goes
        CarvelGitopsGlobalConfiguration.get().setRepositoryUrl("https://elsewhere.example.com/acme/gitops.git");
        StringCredentialsImpl token = new StringCredentialsImpl(CredentialsScope.GLOBAL, "file-token",
                "a token for file:// remotes only", Secret.fromString("s3cr3t-domain-token"));
        SystemCredentialsProvider.getInstance().getStore().addDomain(new Domain("file remotes", null,
                List.<DomainSpecification>of(new SchemeSpecification("file"))), token);
        String url = bareRepository(tmp.resolve("gitops.git"));
        WorkflowJob p = j.createProject(WorkflowJob.class, "domain");
        p.setDefinition(new CpsFlowDefinition("node { carvelGitopsRender(stages: 'staging', credentialsId: 'file-token') }",
                true));
        RenderStepTest.example(j.jenkins.getWorkspaceFor(p), url);

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogNotContains("file-token' was not found", b);
        assertThat(CredentialsProvider.getFingerprintOf(token)).as("the credential was found and its use tracked")
                .isNotNull();
    }
}
