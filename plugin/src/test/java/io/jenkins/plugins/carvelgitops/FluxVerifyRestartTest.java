package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A {@code fluxVerify} wait survives a controller restart: it starts again from what it persisted and completes. */
class FluxVerifyRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TempDir
    Path dir;

    @Test
    void aWaitSurvivesAControllerRestartAndCompletes() throws Throwable {
        try (SimulatedFlux flux = SimulatedFlux.start(dir, false)) {
            sessions.then(j -> {
                flux.addCredentials();
                WorkflowRun b = flux.verifyJob(j, "restart", null, null).scheduleBuild2(0).waitForStart();
                j.waitForMessage("requested reconcile of", b);
            });
            sessions.then(j -> {
                WorkflowRun b = j.jenkins.getItemByFullName("restart", WorkflowJob.class).getBuildByNumber(1);
                flux.delivery.flux.tick(); // Flux applies the commit only now, after the restart
                j.assertBuildStatusSuccess(j.waitForCompletion(b));
                j.assertLogContains(flux.readyLine(), b);
                assertThat(JenkinsRule.getLog(b).split("requested reconcile of", -1))
                        .as("the reconcile request is repeated by the resumed wait").hasSizeGreaterThan(2);
            });
        }
    }
}
