package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.pullrequest.GitHubFake;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.GitHubOpenApi;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code hello.default.tap} delivered through the command line to {@code acme/gitops} on a Git server
 * with basic auth and the GitHub API beside it: rendered at 1.0.0 and promoted to qa, so prod is next.
 * Test-only.
 */
final class GitHubDelivery implements AutoCloseable {

    final BareRemote remote;
    final GitHttpServer git;
    final GitHubFake github;
    final Path config;
    final Map<String, String> env;

    private GitHubDelivery(BareRemote remote, GitHttpServer git, GitHubFake github, Path config,
            Map<String, String> env) {
        this.remote = remote;
        this.git = git;
        this.github = github;
        this.config = config;
        this.env = env;
    }

    static GitHubDelivery start(Path tmp, String user, String token) throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("served/acme/gitops.git"), "main");
        GitHttpServer git = GitHttpServer.start(tmp.resolve("served"), user, token);
        GitHubFake github = new GitHubFake(token, GitHubOpenApi.load(), remote);
        Path config = Fixtures.config(tmp.resolve("app"), git.url("acme/gitops.git"));
        Files.writeString(config, Files.readString(config).replace("  branch: main\n", "  branch: main\n"
                + "  provider: github\n  apiUrl: " + github.apiUrl() + "\n"));
        Map<String, String> env = Map.of("GIT_USERNAME", user, "GIT_TOKEN", token, "XDG_CACHE_HOME",
                tmp.resolve("cache").toString());
        GitHubDelivery d = new GitHubDelivery(remote, git, github, config, env);
        assertThat(CliRun.run(env, "render", "--config", config.toString(), "--package",
                Fixtures.packageFile(tmp.resolve("pkgs"), "1.0.0").toString()).code()).isZero();
        assertThat(CliRun.run(env, "promote", "--config", config.toString(), "--to", "qa").code()).isZero();
        return d;
    }

    @Override
    public void close() throws Exception {
        github.close();
        git.close();
    }
}
