package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many publishers of different changes to one remote at once: every change lands, history stays linear. */
class ConcurrentPublishIT {

    static final int PUBLISHERS = 8;

    @TempDir
    Path tmp;

    @Test
    void eightPublishersOverFileUrlAllLand() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        race(remote, remote.fileUrl(), null);
    }

    @Test
    void eightPublishersOverHttpAllLand() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("served/gitops.git"), "main");
        try (GitHttpServer server = GitHttpServer.start(tmp.resolve("served"), "bot", "t0ken-for-the-race")) {
            race(remote, server.url("gitops.git"), new TokenAuth("bot", "t0ken-for-the-race"));
        }
    }

    private void race(BareRemote remote, String url, TokenAuth auth) throws Exception {
        RecordingProgress listener = new RecordingProgress();
        ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CommitResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < PUBLISHERS; i++) {
                int n = i;
                // publishers 0 and 1 share a cache folder, so they also take turns on its lock
                Path cache = tmp.resolve("cache-" + Math.max(1, n));
                RemoteOptions options = RemoteOptions.defaults(cache).withAuth(auth, "test")
                        .withRetry(new RetryPolicy(30, Duration.ofMillis(20), Duration.ofMillis(400)));
                GitopsRepository repo = new RemoteGitopsRepository(() -> JGitRemote.open(url, "main", options,
                        CommitSpec.DEFAULT, listener), options.retry(), listener);
                Change change = new Change(List.of(new RepoFile("stage-" + n + "/packageinstall.yaml", "n: " + n + "\n")),
                        List.of(), "publisher " + n + "\n");
                results.add(pool.submit(() -> {
                    start.await();
                    return repo.publish(change);
                }));
            }
            start.countDown();
            for (Future<CommitResult> f : results) {
                assertThat(f.get(90, TimeUnit.SECONDS).changed()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        List<RevCommit> history = remote.linearHistory();
        assertThat(history).hasSize(PUBLISHERS);
        assertThat(history).extracting(RevCommit::getShortMessage)
                .containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, PUBLISHERS)
                        .mapToObj(i -> "publisher " + i).toArray(String[]::new));
        for (int i = 0; i < PUBLISHERS; i++) {
            assertThat(remote.read("stage-" + i + "/packageinstall.yaml")).isEqualTo("n: " + i + "\n");
        }
        assertThat(listener.lines()).anyMatch(l -> l.contains("push rejected"));
    }
}
