package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abbreviated commits resolved once, against a real repository, for the CLI and the Jenkins steps alike. */
class CommitNamesTest {

    static final String SHA_A = "a".repeat(40);
    static final String SHA_B = "b".repeat(40);

    @TempDir
    Path dir;

    private String commit(Git git, String message) throws Exception {
        PersonIdent who = new PersonIdent("t", "t@example.invalid");
        return git.commit().setMessage(message).setAllowEmpty(true).setAuthor(who).setCommitter(who).setSign(false)
                .call().name();
    }

    @Test
    void anAbbreviationIsTheHeadOrTheOneCommitStartingWithIt() throws Exception {
        String first;
        String second;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            first = commit(git, "one");
            second = commit(git, "two");
        }
        GitopsHistory history = GitopsHistories.open(dir);

        assertThat(history.commitsStartingWith(first.substring(0, 8))).containsExactly(first);
        assertThat(history.commitsStartingWith("not-hex")).isEmpty();
        assertThat(CommitNames.resolve(history, second, first.substring(0, 7))).isEqualTo(first);
        assertThat(CommitNames.resolve(history, second, first.substring(0, 7).toUpperCase())).isEqualTo(first);
        assertThat(CommitNames.resolve(history, null, second.substring(0, 4))).isEqualTo(second);
        assertThat(CommitNames.resolve(history, null, second.toUpperCase())).isEqualTo(second);
    }

    @Test
    void theHeadNeedsNoLookup() {
        assertThat(CommitNames.resolve(fixed(List.of()), SHA_A, "AAAAAAA")).isEqualTo(SHA_A);
    }

    @Test
    void anUnknownAmbiguousOrMalformedRevisionIsAOneLineError() {
        assertThatThrownBy(() -> CommitNames.resolve(fixed(List.of()), SHA_A, "ccccccc"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("revision: ccccccc: is not a commit of the GitOps repository; give the SHA that render "
                        + "or promote printed");
        assertThatThrownBy(() -> CommitNames.resolve(fixed(List.of(SHA_B, "b".repeat(39) + "c")), SHA_A, "bbbbbbb"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("revision: bbbbbbb: is ambiguous: 2 commits start with it; give more of the SHA");
        assertThatThrownBy(() -> CommitNames.resolve(fixed(List.of()), SHA_A, "HEAD~1"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("revision: HEAD~1: is not a commit SHA");
        assertThatThrownBy(() -> CommitNames.resolve(fixed(List.of(SHA_B)), null, "bbb"))
                .as("shorter than Git abbreviates").isInstanceOf(ValidationException.class);
    }

    @Test
    void aLocalRepositoryIsReadRelativeToTheConfigFile() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("gitops"));
        String head;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            head = commit(git, "one");
        }
        Path configFile = Files.writeString(dir.resolve("carvel-gitops.yaml"), """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """);
        GitopsConfig config = ConfigLoader.load(configFile);

        GitopsHistory history = GitopsHistories.open(config, configFile, () -> {
            throw new AssertionError("a local repository needs no session");
        });

        assertThat(history.head("main")).contains(head);
    }

    /** A history whose only answer is which commits start with a prefix. */
    private static GitopsHistory fixed(List<String> commits) {
        return new GitopsHistory() {
            @Override
            public Optional<String> head(String branch) {
                return Optional.empty();
            }

            @Override
            public Optional<String> read(String sha, String path) {
                return Optional.empty();
            }

            @Override
            public List<String> list(String sha, String folder) {
                return List.of();
            }

            @Override
            public List<String> commitsStartingWith(String prefix) {
                return commits;
            }

            @Override
            public boolean isAncestor(String ancestorSha, String descendantSha) {
                return false;
            }
        };
    }
}
