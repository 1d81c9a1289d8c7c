package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several first runs at once into a local repository that does not exist yet (or is an empty folder):
 * one creates it, the others use it; every run succeeds and exactly one commit is made.
 */
class FirstRunRaceIT {

    static final int RUNS = 4;
    static final int ROUNDS = 15;

    @ParameterizedTest(name = "folder exists beforehand: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentFirstRunsAllSucceedWithOneCommit(boolean folderExists, @TempDir Path tmp) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path folder = tmp.resolve("round-" + round + "/gitops-repo");
                Files.createDirectories(folderExists ? folder : folder.getParent());
                CyclicBarrier start = new CyclicBarrier(RUNS);
                Change change = new Change(List.of(new RepoFile("app/prod/packageinstall.yaml", "v: 1\n")), List.of(),
                        "deliver\n");
                List<Future<CommitResult>> results = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    GitopsRepository repo = new LocalGitopsRepository(folder, "main", CommitSpec.DEFAULT,
                            ProgressListener.NONE);
                    results.add(pool.submit(() -> {
                        start.await();
                        return repo.publish(change);
                    }));
                }
                int commits = 0;
                for (Future<CommitResult> f : results) {
                    commits += f.get(60, TimeUnit.SECONDS).changed() ? 1 : 0;
                }
                assertThat(commits).as("round " + round).isEqualTo(1);
                try (Git git = Git.open(folder.toFile())) {
                    assertThat(git.log().call()).hasSize(1);
                    assertThat(git.status().call().isClean()).isTrue();
                }
                try (Stream<Path> siblings = Files.list(folder.getParent())) {
                    assertThat(siblings.map(p -> p.getFileName().toString()).toList()).as("staging folders left")
                            .containsExactly("gitops-repo");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
