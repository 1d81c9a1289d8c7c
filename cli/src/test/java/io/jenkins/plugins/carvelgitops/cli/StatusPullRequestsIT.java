package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.GitHubFake;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} shows each stage's open promotion pull requests, or one line saying why it cannot. */
class StatusPullRequestsIT {

    static final String USER = "release-bot";
    static final String TOKEN = "ghp_St4tusCliT0k3nNeverSh0wn";
    static final String BRANCH = "carvel-gitops/hello.default.tap/prod/1.0.0";

    @TempDir
    Path tmp;

    GitHubDelivery delivery;
    GitHttpServer git;
    BareRemote remote;
    GitHubFake github;
    Path config;
    Map<String, String> env;
    int number;

    @BeforeEach
    void start() throws Exception {
        GitHubDelivery d = GitHubDelivery.start(tmp, USER, TOKEN);
        delivery = d;
        remote = d.remote;
        git = d.git;
        github = d.github;
        config = d.config;
        env = d.env;
        CliRun promote = CliRun.run(env, "promote", "--config", config.toString(), "--to", "prod", "--pull-request",
                "--output", "json");
        assertThat(promote.code()).as(promote.err()).isZero();
        number = new ObjectMapper().readTree(promote.out()).path("pullRequest").path("number").asInt();
    }

    @AfterEach
    void stop() throws Exception {
        delivery.close();
    }

    private CliRun status(Map<String, String> environment, String... extra) {
        String[] args = new String[3 + extra.length];
        System.arraycopy(new String[] {"status", "--config", config.toString()}, 0, args, 0, 3);
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.run(environment, args);
    }

    @Test
    void textJsonAndPageShowTheOpenPullRequestOfProd() throws Exception {
        String url = "https://github.example.com/acme/gitops/pull/" + number;

        CliRun text = status(env);
        CliRun json = status(env, "--output", "json");
        CliRun html = status(env, "--output", "html");

        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("open promotion pull requests (GitHub):\n")
                .containsPattern("(?m)^STAGE +PULL REQUEST +VERSION +STATE +URL$")
                .containsPattern("(?m)^prod +#" + number + " +1\\.0\\.0 +open +" + url.replace(".", "\\.") + "$");
        JsonNode doc = new ObjectMapper().readTree(json.out()).path("pullRequests");
        assertThat(doc.path("provider").asText()).isEqualTo("github");
        assertThat(doc.path("shown").asBoolean()).isTrue();
        assertThat(doc.path("open")).hasSize(1);
        JsonNode pr = doc.path("open").get(0);
        assertThat(pr.path("stage").asText()).isEqualTo("prod");
        assertThat(pr.path("number").asInt()).isEqualTo(number);
        assertThat(pr.path("url").asText()).isEqualTo(url);
        assertThat(pr.path("version").asText()).isEqualTo("1.0.0");
        assertThat(pr.path("branch").asText()).isEqualTo(BRANCH);
        assertThat(pr.path("headCommit").asText()).isEqualTo(remote.head(BRANCH));
        assertThat(pr.path("state").asText()).isEqualTo("open");
        assertThat(html.out()).contains("<a href=\"" + url + "\">#" + number + "</a>");
        assertThat(text.all() + json.all() + html.all()).doesNotContain(TOKEN);
    }

    @Test
    void withoutATokenTheStatusStillWorksAndSaysWhyInOneLine() throws Exception {
        Map<String, String> noToken = new LinkedHashMap<>(env);
        noToken.remove("GIT_TOKEN");
        noToken.remove("GIT_USERNAME");
        // the served repository wants the token too: Git is read from a local clone instead
        Path checkout = tmp.resolve("checkout");
        org.eclipse.jgit.api.Git.cloneRepository().setURI(tmp.resolve("served/acme/gitops.git").toUri().toString())
                .setDirectory(checkout.toFile()).call().close();

        CliRun run = status(noToken, "--gitops-dir", checkout.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^prod ");

        assertThat(run.out()).as(run.err()).contains("pull requests not shown: no token was given: GitHub lists pull "
                + "requests only to a token; give one with GIT_USERNAME and GIT_TOKEN (or --token-file)\n");
    }

    @Test
    void anUnreachableProviderIsOneLineWithoutTheToken() throws Exception {
        github.close();

        CliRun run = status(env);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^prod ").containsPattern(
                "(?m)^pull requests not shown: cannot reach GitHub at http://127\\.0\\.0\\.1:\\d+/api/v3 .*$")
                .doesNotContain(TOKEN);
        assertThat(run.err()).doesNotContain(TOKEN);
    }
}
