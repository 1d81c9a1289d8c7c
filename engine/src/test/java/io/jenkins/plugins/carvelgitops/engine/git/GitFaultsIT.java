package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.FaultProxy;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git faults: each ends with a clear error or recovers, never with a partial commit on the remote or
 * a lost change.
 */
class GitFaultsIT {

    static final String USER = "bot";
    static final String TOKEN = "faults-token-1234567890";

    @TempDir
    Path tmp;
    GitHttpServer server;
    BareRemote remote;
    final RecordingProgress listener = new RecordingProgress();

    @BeforeEach
    void start() throws Exception {
        remote = BareRemote.create(tmp.resolve("served/gitops.git"), "main");
        server = GitHttpServer.start(tmp.resolve("served"), USER, TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    GitopsRepository repository(String url, Path cache) {
        RemoteOptions options = RemoteOptions.defaults(cache).withAuth(new TokenAuth(USER, TOKEN), "GIT_TOKEN");
        return new RemoteGitopsRepository(() -> JGitRemote.open(url, "main", options, CommitSpec.DEFAULT, listener),
                options.retry(), listener);
    }

    static Change change(int n) {
        List<RepoFile> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // enough content that a pack upload spans several writes
            // incompressible filler, so that the pack upload spans many writes
            StringBuilder fill = new StringBuilder();
            java.util.Random random = new java.util.Random(n * 1000L + i);
            for (int k = 0; k < 1000; k++) {
                fill.append(Integer.toHexString(random.nextInt(256)));
            }
            files.add(new RepoFile("app/s" + i + "/params.yaml", "replicas: " + n + "\nfill: " + fill + "\n"));
        }
        return new Change(files, List.of(), "Deliver " + n + "\n");
    }

    @Test
    void aConnectionCutMidPushPushesNothingAndTheNextRunLandsTheChangeOnce() throws Exception {
        repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(1));
        String before = remote.head();
        try (FaultProxy proxy = FaultProxy.start(server.port())) {
            String viaProxy = "http://127.0.0.1:" + proxy.port() + "/git/gitops.git";
            proxy.cutPushesAfter(3000);
            assertThatThrownBy(() -> repository(viaProxy, tmp.resolve("cache")).publish(change(2)))
                    .isInstanceOf(GitopsGitException.class)
                    .hasMessageContaining("push to " + viaProxy + " (branch main) failed");
            assertThat(proxy.cuts()).isPositive();
            assertThat(remote.head()).isEqualTo(before);

            proxy.cutPushesAfter(-1);
            CommitResult landed = repository(viaProxy, tmp.resolve("cache")).publish(change(2));
            assertThat(landed.changed()).isTrue();
        }
        assertThat(remote.linearHistory()).hasSize(2);
        assertThat(remote.read("app/s0/params.yaml")).startsWith("replicas: 2\n");
    }

    @Test
    void aPushWhoseReplyWasCutAfterTheServerTookItIsReportedAsLanded() throws Exception {
        repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(1));
        try (FaultProxy proxy = FaultProxy.start(server.port())) {
            String viaProxy = "http://127.0.0.1:" + proxy.port() + "/git/gitops.git";
            proxy.dropPushReplies(true);
            CommitResult result = repository(viaProxy, tmp.resolve("cache")).publish(change(2));

            assertThat(proxy.cuts()).isPositive();
            assertThat(result.changed()).isTrue();
            assertThat(remote.head()).isEqualTo(result.sha());
            assertThat(listener.text()).contains("the server's reply to the push was cut off, but " + viaProxy
                    + " (branch main) now holds " + Revisions.shortSha(result.sha()) + ": the change landed");
        }
        assertThat(remote.linearHistory()).hasSize(2);
    }

    @Test
    void aProtectedBranchRefusalIsReportedNotRetried() throws Exception {
        repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(1));
        String before = remote.head();
        server.refusePushes("protected branch: pushes to main need a pull request");
        assertThatThrownBy(() -> repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(2)))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("the server refused the push to " + server.url("gitops.git") + " (branch main): "
                        + "protected branch: pushes to main need a pull request; check branch protection");
        assertThat(listener.text()).doesNotContain("attempt 2");
        assertThat(remote.head()).isEqualTo(before);
    }

    @Test
    void aHooksOwnWordsAreInTheRefusal() throws Exception {
        repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(1));
        String before = remote.head();
        server.refusePushesInAHook("error:\nerror: Not allowed to push to protected branch main\nerror:");
        assertThatThrownBy(() -> repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(2)))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("the server refused the push to " + server.url("gitops.git") + " (branch main): "
                        + "pre-receive hook declined (the server said: error: Not allowed to push to protected branch "
                        + "main); check branch protection");
        assertThat(listener.text()).doesNotContain("attempt 2");
        assertThat(remote.head()).isEqualTo(before);
    }

    @Test
    void anUnreachableRemoteIsAClearErrorNamingIt() throws Exception {
        // Port 1 (tcpmux) has no listener; a freed ephemeral port could be taken by another test's server.
        int closedPort = 1;
        String url = "http://127.0.0.1:" + closedPort + "/git/gitops.git";
        assertThatThrownBy(() -> repository(url, tmp.resolve("cache")).publish(change(1)))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("fetch from " + url + " (branch main) failed: cannot reach the server")
                .hasMessageNotContaining("pushed") // a fetch is all that ran; read-only commands fetch too
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aCorruptedCachedCloneIsClonedAgain() throws Exception {
        repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(1));
        Path clone = tmp.resolve("cache").resolve(JGitRemote.cacheKey(server.url("gitops.git"), "main")).resolve("repo");
        try (Stream<Path> objects = Files.walk(clone.resolve(".git/objects"))) {
            for (Path p : objects.filter(Files::isRegularFile).toList()) {
                Files.writeString(p, "garbage");
            }
        }
        Files.writeString(clone.resolve(".git/index"), "not an index");
        CommitResult result = repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(3));
        assertThat(result.changed()).isTrue();
        assertThat(listener.text()).contains("is damaged");
        assertThat(remote.linearHistory()).hasSize(2);
        assertThat(remote.read("app/s0/params.yaml")).startsWith("replicas: 3\n");
    }

    @Test
    void aStaleCacheFromAnotherHistoryFollowsTheRemote() throws Exception {
        repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(1));
        // the remote branch is rewritten behind our back (force-push elsewhere)
        String other = remote.pushAsSomeoneElse(Files.createDirectories(tmp.resolve("scratch")), "Rewrite", java.util.Map.of("other.txt", "x"));
        assertThat(other).isNotNull();
        CommitResult result = repository(server.url("gitops.git"), tmp.resolve("cache")).publish(change(4));
        assertThat(result.changed()).isTrue();
        assertThat(remote.read("app/s0/params.yaml")).startsWith("replicas: 4\n");
        assertThat(remote.read("other.txt")).isEqualTo("x");
    }
}
