package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.CommitNames;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.git.GitRemote;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistories;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verify of a remote repository reads its history through one Git session (git-client in Jenkins; here a
 * JGit stand-in with the same contract), fetched in full into a scratch folder that is gone afterwards.
 */
class VerifyCloneTest {

    @TempDir
    Path tmp;

    @Test
    void oneSessionServesTheWholeVerifyAndItsFolderIsDeletedAtTheEnd() throws Exception {
        Path origin = tmp.resolve("origin");
        String first;
        String second;
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Files.writeString(origin.resolve("a.yaml"), "a: 1\n");
            git.add().addFilepattern(".").call();
            first = commit(git, "one");
            Files.writeString(origin.resolve("a.yaml"), "a: 2\n");
            git.add().addFilepattern(".").call();
            second = commit(git, "two");
        }
        Path configFile = Files.writeString(tmp.resolve("carvel-gitops.yaml"), """
                package: app.default.tap
                install: app
                repository: {url: 'https://git.example.com/acme/gitops.git', branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """);
        GitopsConfig config = ConfigLoader.load(configFile);
        Path scratch = tmp.resolve("ws@tmp");
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        Path folder;

        try (VerifyClone clone = new VerifyClone(() -> {
            opened.incrementAndGet();
            return new JGitStandIn(origin, scratch, closed);
        })) {
            GitopsHistory history = GitopsHistories.open(config, configFile, clone);
            assertThat(history.head("main")).contains(second);
            assertThat(history.read(first, "a.yaml")).contains("a: 1\n");
            assertThat(history.isAncestor(first, second)).isTrue();
            assertThat(CommitNames.resolve(history, second, first.substring(0, 7))).isEqualTo(first);
            clone.get().close();
            assertThat(closed).as("the engine closing a handed-out session ends nothing").hasValue(0);
            folder = clone.get().workTree();
            assertThat(folder).startsWith(scratch).isDirectory();
        }

        assertThat(opened).hasValue(1);
        assertThat(closed).hasValue(1);
        assertThat(folder).doesNotExist();
    }

    @Test
    void aLocalRepositoryOpensNoSession() throws Exception {
        Path repo = tmp.resolve("gitops");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, "one");
        }
        Path configFile = Files.writeString(tmp.resolve("carvel-gitops.yaml"), """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """);
        try (VerifyClone clone = new VerifyClone(() -> {
            throw new AssertionError("a local repository is read in place");
        })) {
            assertThat(GitopsHistories.open(ConfigLoader.load(configFile), configFile, clone).head("main"))
                    .isPresent();
        }
    }

    private static String commit(Git git, String message) throws Exception {
        PersonIdent who = new PersonIdent("t", "t@example.invalid");
        return git.commit().setMessage(message).setAllowEmpty(true).setAuthor(who).setCommitter(who).setSign(false)
                .call().name();
    }

    /** Fetches the whole branch into a new scratch folder and deletes it on close, as GitClientRemote does. */
    private static final class JGitStandIn implements GitRemote {
        private final Path origin;
        private final Path dir;
        private final AtomicInteger closed;

        JGitStandIn(Path origin, Path scratch, AtomicInteger closed) {
            this.origin = origin;
            this.closed = closed;
            try {
                this.dir = ScratchFolders.create(scratch);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String describe() {
            return origin.toString();
        }

        @Override
        public String sync() {
            try (Git git = Files.isDirectory(dir.resolve(".git")) ? Git.open(dir.toFile())
                    : Git.init().setDirectory(dir.toFile()).setInitialBranch("scratch").call()) {
                git.fetch().setRemote(origin.toUri().toString())
                        .setRefSpecs(new RefSpec("+refs/heads/main:refs/heads/main")).call();
                return git.getRepository().resolve("refs/heads/main").name();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Path workTree() {
            return dir;
        }

        @Override
        public String commit(List<FileChange> changes, String message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PushStatus push(String commit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            ScratchFolders.deleteQuietly(dir);
        }
    }
}
