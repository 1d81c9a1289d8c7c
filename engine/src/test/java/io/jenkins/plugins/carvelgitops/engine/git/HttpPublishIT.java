package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing over smart HTTP with basic auth and a personal access token. */
class HttpPublishIT {

    static final String USER = "release-bot";
    static final String TOKEN = "glpat-S3cr3tT0k3nF0rTh3T3st";

    @TempDir
    Path tmp;

    GitHttpServer server;
    BareRemote remote;
    RecordingProgress listener = new RecordingProgress();

    @BeforeEach
    void start() throws Exception {
        remote = BareRemote.create(tmp.resolve("served/gitops.git"), "main");
        server = GitHttpServer.start(tmp.resolve("served"), USER, TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private GitopsRepository repository(TokenAuth auth) {
        RemoteOptions options = RemoteOptions.defaults(tmp.resolve("cache")).withAuth(auth, "GIT_TOKEN");
        return new RemoteGitopsRepository(() -> JGitRemote.open(server.url("gitops.git"), "main", options,
                CommitSpec.DEFAULT, listener), options.retry(), listener);
    }

    private static Change change(String content) {
        return new Change(List.of(new RepoFile("app/f.yaml", content)), List.of(), "Deliver\n");
    }

    @Test
    void theRightTokenPushesAndIsNeverWrittenOrLogged() throws Exception {
        CommitResult first = repository(new TokenAuth(USER, TOKEN)).publish(change("a: 1\n"));
        CommitResult second = repository(new TokenAuth(USER, TOKEN)).publish(change("a: 2\n"));

        assertThat(second.changed()).isTrue();
        assertThat(remote.read("app/f.yaml")).isEqualTo("a: 2\n");
        List<RevCommit> history = remote.linearHistory();
        assertThat(history).extracting(RevCommit::name).containsExactly(second.sha(), first.sha());
        assertThat(server.requests()).isNotEmpty().allMatch(r -> r.endsWith("auth=ok") || r.endsWith("auth=none"));

        Path clone = tmp.resolve("cache").resolve(JGitRemote.cacheKey(server.url("gitops.git"), "main"));
        String gitConfig = Files.readString(clone.resolve("repo/.git/config"));
        assertThat(gitConfig).contains("url = " + server.url("gitops.git")).doesNotContain(TOKEN).doesNotContain(USER);
        assertThat(SecretScan.filesContaining(tmp.resolve("cache"), TOKEN)).isEmpty();
        assertThat(SecretScan.filesContaining(remote.dir(), TOKEN)).isEmpty();
        assertThat(listener.text()).doesNotContain(TOKEN).contains("pushed");
        for (RevCommit c : history) {
            assertThat(c.getFullMessage() + c.getAuthorIdent() + c.getCommitterIdent()).doesNotContain(TOKEN);
        }
    }

    @Test
    void aWrongTokenFailsWithAClearErrorThatHoldsNoSecret() {
        String wrong = "glpat-Wr0ngT0k3nValue";

        assertThatThrownBy(() -> repository(new TokenAuth(USER, wrong)).publish(change("a: 1\n")))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageStartingWith("authentication failed for " + server.url("gitops.git"))
                .hasMessageContaining("user '" + USER + "'")
                .hasMessageContaining("token is valid")
                .satisfies(e -> assertThat(SecretScan.throwableText(e)).doesNotContain(wrong).doesNotContain(TOKEN));
        assertThat(listener.text()).doesNotContain(wrong);
        assertThat(server.requests()).anyMatch(r -> r.endsWith("auth=bad"));
    }

    @Test
    void noCredentialsForAPrivateRepositorySaysWhatToSet() {
        assertThatThrownBy(() -> repository(null).publish(change("a: 1\n")))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageStartingWith("authentication failed for " + server.url("gitops.git"))
                .hasMessageContaining("set {gitCredentials} to a user and a personal access token");
    }
}
