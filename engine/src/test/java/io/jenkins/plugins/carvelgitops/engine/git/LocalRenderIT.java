package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressEvent;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import io.jenkins.plugins.carvelgitops.engine.render.RenderService;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} into the embedded default: a local repository, created when absent. */
class LocalRenderIT {

    @TempDir
    Path dir;
    Path config;
    Path repo;
    final List<ProgressEvent> events = new ArrayList<>();

    @BeforeEach
    void copyExample() throws Exception {
        Path example = SharedMaterial.examples().resolve("hello");
        config = dir.resolve("carvel-gitops.yaml");
        Files.copy(example.resolve("carvel-gitops.yaml"), config);
        Files.copy(example.resolve("package.yaml"), dir.resolve("package.yaml"));
        repo = dir.resolve("gitops-repo");
    }

    RenderOutcome render(List<String> stages, boolean dryRun, Map<String, String> overrides) {
        RenderService service = new RenderService(c -> GitopsRepositories.open(c, dir, events::add), events::add);
        return service.run(new RenderJob(config, new ConfigOverrides(overrides), null, stages, null, dryRun));
    }

    @Test
    void createsTheRepositoryCommitsOnceAndIsIdempotent() throws Exception {
        RenderOutcome first = render(List.of("staging", "prod"), false, Map.of());
        assertThat(first.commit().changed()).isTrue();
        assertThat(first.commit().changes()).hasSize(8);
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.getRepository().getBranch()).isEqualTo("main");
            List<RevCommit> log = new ArrayList<>();
            git.log().call().forEach(log::add);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).getName()).isEqualTo(first.commit().sha());
            assertThat(log.get(0).getFullMessage()).startsWith(
                    "Deliver hello.default.tap 20240318141801.0.0 to staging, prod\n\nPackage: hello.default.tap\n"
                            + "Version: 20240318141801.0.0\nStages: staging, prod\n");
            assertThat(git.status().call().isClean()).isTrue();
        }
        assertThat(Files.readString(repo.resolve("hello.default.tap/prod/params.yaml"))).contains("replicas: 2");

        long modified = Files.getLastModifiedTime(repo.resolve("hello.default.tap/prod/params.yaml")).toMillis();
        RenderOutcome second = render(List.of("staging", "prod"), false, Map.of());
        assertThat(second.commit().changed()).isFalse();
        assertThat(second.commit().sha()).isEqualTo(first.commit().sha());
        assertThat(Files.getLastModifiedTime(repo.resolve("hello.default.tap/prod/params.yaml")).toMillis())
                .isEqualTo(modified);
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.log().call()).hasSize(1);
        }
    }

    @Test
    void aChangedValueChangesOnlyItsFile() throws Exception {
        render(List.of("staging", "prod"), false, Map.of());
        RenderOutcome changed = render(List.of("staging", "prod"), false, Map.of("stages.prod.values.replicas", "3"));
        assertThat(changed.commit().changes()).extracting(FileChange::path)
                .containsExactly("hello.default.tap/prod/params.yaml");
        assertThat(changed.commit().diff()).contains("-    replicas: 2\n+    replicas: 3\n");
    }

    @Test
    void dryRunShowsTheDiffAndWritesNothing() {
        RenderOutcome dry = render(List.of(), true, Map.of());
        assertThat(repo).doesNotExist();
        assertThat(dry.commit().changed()).isFalse();
        assertThat(dry.commit().diff()).contains("--- /dev/null\n+++ b/hello.default.tap/staging/packageinstall.yaml\n")
                .contains("+      constraints: 20240318141801.0.0\n");

        render(List.of(), false, Map.of());
        RenderOutcome again = render(List.of(), true, Map.of("stages.staging.values.replicas", "4"));
        assertThat(again.commit().diff()).startsWith("--- a/hello.default.tap/staging/params.yaml\n"
                + "+++ b/hello.default.tap/staging/params.yaml\n@@ ");
        assertThat(render(List.of(), false, Map.of()).commit().changed()).isFalse();
    }

    @Test
    void badInputLeavesTheRepositoryUntouched() throws Exception {
        RenderOutcome first = render(List.of(), false, Map.of());
        String before = snapshot(repo);
        assertThatThrownBy(() -> render(List.of("staging", "prod"), false,
                Map.of("stages.prod.values.replicas", "many")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("{override} stages.prod.values.replicas: string found, integer expected");
        assertThatThrownBy(() -> render(List.of("qa"), false, Map.of())).isInstanceOf(ValidationException.class);
        assertThat(snapshot(repo)).isEqualTo(before);
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.getRepository().resolve("HEAD").name()).isEqualTo(first.commit().sha());
        }
    }

    @Test
    void aFolderThatIsNotARepositoryIsNotTouched() throws Exception {
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> render(List.of(), false, Map.of()))
                .isInstanceOf(GitopsGitException.class).hasMessageContaining("exists and is not a Git repository");
        try (Stream<Path> files = Files.list(repo)) {
            assertThat(files).containsExactly(repo.resolve("notes.txt"));
        }
    }

    @Test
    void aRepositoryOnAnotherBranchIsRefused() throws Exception {
        render(List.of(), false, Map.of());
        try (Git git = Git.open(repo.toFile())) {
            git.checkout().setCreateBranch(true).setName("feature").call();
        }
        assertThatThrownBy(() -> render(List.of(), false, Map.of("stages.staging.values.replicas", "9")))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("has branch 'feature' checked out, but repository.branch is 'main'");
    }

    @Test
    void theUsersOwnWorkIsNeverSweptIntoOurCommit() throws Exception {
        render(List.of(), false, Map.of());
        Files.writeString(repo.resolve("README.md"), "team notes\n");
        RenderOutcome withUntracked = render(List.of("prod"), false, Map.of());
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().getUntracked()).containsExactly("README.md");
            assertThat(withUntracked.commit().changed()).isTrue();
            git.add().addFilepattern("README.md").call();
        }
        assertThatThrownBy(() -> render(List.of("prod"), false, Map.of("stages.prod.values.replicas", "7")))
                .isInstanceOf(GitopsGitException.class).hasMessageContaining("has staged changes that are not ours");
        assertThat(Files.readString(repo.resolve("hello.default.tap/prod/params.yaml"))).contains("replicas: 2");
    }

    @Test
    void theConfiguredIdentityAndTrailerAreUsed() throws Exception {
        render(List.of(), false, Map.of("commit.authorName", "Release Bot", "commit.authorEmail", "bot@example.com",
                "commit.trailer", "Build-Url: https://ci.example.com/job/app/42/"));
        try (Git git = Git.open(repo.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getAuthorIdent().getName()).isEqualTo("Release Bot");
            assertThat(head.getCommitterIdent().getEmailAddress()).isEqualTo("bot@example.com");
            assertThat(head.getFullMessage()).endsWith("Build-Url: https://ci.example.com/job/app/42/\n");
        }
    }

    private static String snapshot(Path top) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(top)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).sorted()
                    .toList()) {
                sb.append(top.relativize(p)).append('\n').append(Files.readString(p));
            }
        }
        return sb.toString();
    }
}
