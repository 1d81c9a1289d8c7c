package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code carvelGitopsWaitForMerge} outside {@code node} survives a controller restart: the pull request
 * is merged only after the restart, the resumed wait sees it and returns the merge commit; the token
 * never reaches the log.
 */
class WaitForMergeRestartTest {

    private static final String TOKEN = "ghp_restartTestToken0000000000000000000";

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void aWaitOutsideNodeSurvivesARestartAndReturnsTheMergeCommit() throws Throwable {
        AtomicBoolean merged = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        HttpServer github = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        github.createContext("/repos/acme/gitops/pulls/41", exchange -> {
            looks.incrementAndGet();
            boolean authorized = ("token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = !authorized ? "{\"message\":\"Bad credentials\"}" : merged.get()
                    ? "{\"number\":41,\"html_url\":\"https://github.com/acme/gitops/pull/41\",\"state\":\"closed\","
                            + "\"merged\":true,\"merge_commit_sha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\","
                            + "\"merged_by\":{\"login\":\"alice\"},\"head\":{\"ref\":\"carvel-gitops/x/prod/1.4.0\","
                            + "\"sha\":\"3f2a1c9\"}}"
                    : "{\"number\":41,\"html_url\":\"https://github.com/acme/gitops/pull/41\",\"state\":\"open\","
                            + "\"merged\":false,\"head\":{\"ref\":\"carvel-gitops/x/prod/1.4.0\",\"sha\":\"3f2a1c9\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        github.start();
        String api = "http://127.0.0.1:" + github.getAddress().getPort();
        try {
            sessions.then(j -> {
                SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "gitops-token", null, "release-bot", TOKEN));
                SystemCredentialsProvider.getInstance().save();
                WorkflowJob p = j.createProject(WorkflowJob.class, "wait");
                p.setDefinition(new CpsFlowDefinition("def m = carvelGitopsWaitForMerge(url: "
                        + "'https://github.com/acme/gitops/pull/41', apiUrl: '" + api + "', timeout: '1h', "
                        + "credentialsId: 'gitops-token')\necho \"merge commit ${m.mergeCommit} by ${m.closedBy}\"",
                        true));
                WorkflowRun b = p.scheduleBuild2(0).waitForStart();
                j.waitForMessage("to be merged", b);
                while (looks.get() == 0) {
                    Thread.sleep(100);
                }
                assertThat(j.jenkins.getComputers()).allSatisfy(c -> assertThat(c.countBusy())
                        .as("no executor is held").isZero());
            });
            merged.set(true);
            sessions.then(j -> {
                WorkflowRun b = j.jenkins.getItemByFullName("wait", WorkflowJob.class).getBuildByNumber(1);
                j.assertBuildStatusSuccess(j.waitForCompletion(b));
                j.assertLogContains("merge commit 6dcb09b5b57875f334f61aebed695e2e4193db5e by alice", b);
                assertThat(JenkinsRule.getLog(b)).doesNotContain(TOKEN);
            });
        } finally {
            github.stop(0);
        }
    }
}
