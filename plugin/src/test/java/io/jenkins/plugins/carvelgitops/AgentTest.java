package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The steps on a real agent (a separate JVM over a remoting channel): the callables, the engine,
 * fabric8 and JGit must serialize, load and run there; and a {@code fluxVerify} wait is started again
 * when the agent disconnects and comes back.
 */
@WithJenkins
class AgentTest {

    private static final String VERSION = "20240318141801.0.0";

    @Test
    void renderAndPromoteRunOnAnAgent(JenkinsRule j, @TempDir Path gitops) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        WorkflowJob p = j.createProject(WorkflowJob.class, "agent-deliver");
        p.setDefinition(new CpsFlowDefinition("""
                node('remote') {
                  def r = carvelGitopsRender(stages: 'staging')
                  def q = carvelGitopsPromote(from: 'staging', to: 'prod')
                  echo "rendered ${r.version} promoted ${q.version} to ${q.to} changed=${q.changed}"
                }
                """, true));
        RenderStepTest.example(agent.getWorkspaceFor(p), gitops.resolve("repo").toString());

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("Running on " + agent.getNodeName(), b);
        j.assertLogContains("rendered " + VERSION + " promoted " + VERSION + " to prod changed=true", b);
        try (Git git = Git.open(gitops.resolve("repo").toFile())) {
            assertThat(git.log().call()).hasSize(2);
        }
        assertThat(b.getAction(CarvelGitopsAction.class).pushedByStage()).containsOnlyKeys("staging", "prod");
    }

    @Test
    void fluxVerifyWaitsOnAnAgent(JenkinsRule j, @TempDir Path dir) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        try (SimulatedFlux flux = SimulatedFlux.start(dir, true)) {
            flux.addCredentials();
            WorkflowRun b = j.buildAndAssertSuccess(flux.verifyJob(j, "agent-verify", agent, null));

            j.assertLogContains("Running on " + agent.getNodeName(), b);
            j.assertLogContains(flux.readyLine(), b);
        }
    }

    @Test
    void aVerifyWaitStartsAgainAfterTheAgentReconnects(JenkinsRule j, @TempDir Path dir) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        try (SimulatedFlux flux = SimulatedFlux.start(dir, false)) {
            flux.addCredentials();
            WorkflowRun b = flux.verifyJob(j, "agent-reconnect", agent, null).scheduleBuild2(0).waitForStart();
            j.waitForMessage("requested reconcile of", b);

            j.disconnectSlave(agent);
            j.waitOnline(agent);
            flux.delivery.flux.tick(); // Flux applies the commit only now

            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("lost the connection to the agent; starting the wait again", b);
            j.assertLogContains(flux.readyLine(), b);
        }
    }
}
