package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.GitHubFake;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promote --pull-request} and {@code --wait-merge}: output, exit codes, and no token anywhere. */
class PromotePullRequestIT {

    static final String USER = "release-bot";
    static final String TOKEN = "ghp_CliT0k3nTh4tMustN3v3rL34k";

    @TempDir
    Path tmp;

    GitHubDelivery delivery;
    GitHttpServer git;
    BareRemote remote;
    GitHubFake github;
    Path config;
    Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        GitHubDelivery d = GitHubDelivery.start(tmp, USER, TOKEN);
        delivery = d;
        remote = d.remote;
        git = d.git;
        github = d.github;
        config = d.config;
        env = d.env;
    }

    @AfterEach
    void stop() throws Exception {
        delivery.close();
    }

    private CliRun promote(String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"promote", "--config", config.toString(), "--to", "prod"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return CliRun.run(env, args);
    }

    @Test
    void opensThePullRequestAndReportsItAsJson() throws Exception {
        String main = remote.head();
        CliRun run = promote("--pull-request", "--output", "json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("pullRequest").path("provider").asText()).isEqualTo("github");
        assertThat(doc.path("pullRequest").path("branch").asText()).isEqualTo("carvel-gitops/hello.default.tap/prod/1.0.0");
        assertThat(doc.path("pullRequest").path("state").asText()).isEqualTo("open");
        assertThat(doc.path("pullRequest").path("action").asText()).isEqualTo("created");
        assertThat(doc.path("pullRequest").path("headCommit").asText()).isEqualTo(remote.head(
                "carvel-gitops/hello.default.tap/prod/1.0.0"));
        assertThat(remote.head()).isEqualTo(main);
        assertThat(run.all()).doesNotContain(TOKEN);

        CliRun again = promote("--pull-request");
        assertThat(again.out()).startsWith("unchanged: GitHub pull request #" + doc.path("pullRequest").path("number")
                .asInt());
    }

    @Test
    void waitMergeExitsZeroWithTheMergeCommitFourWhenClosedFiveWhenTimeRunsOut() throws Exception {
        github.mergesOnFirstLook = "alice";
        CliRun merged = promote("--pull-request", "--wait-merge", "10m");
        assertThat(merged.code()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("merged by alice as 6dcb09b5b57875f334f61aebed695e2e4193db5e");

        github.mergesOnFirstLook = null;
        github.closesOnFirstLook = "bob";
        CliRun closed = promote("--pull-request", "--wait-merge", "10m", "--from", "staging");
        assertThat(closed.code()).as(closed.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(closed.out()).contains("closed without merging by bob");

        github.closesOnFirstLook = null;
        CliRun timedOut = promote("--pull-request", "--wait-merge", "1s");
        assertThat(timedOut.code()).as(timedOut.err()).isEqualTo(ExitCodes.TIMED_OUT);
        assertThat(timedOut.out()).contains("still open after 1s");
        assertThat(merged.all() + closed.all() + timedOut.all()).doesNotContain(TOKEN);
    }

    @Test
    void waitMergeWithoutAPullRequestIsRefusedBeforeAnyChange() throws Exception {
        String main = remote.head();
        CliRun run = promote("--wait-merge", "5m");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("--wait-merge").contains("add --pull-request");
        assertThat(remote.head()).isEqualTo(main);
        assertThat(github.open()).isEmpty();
    }
}
