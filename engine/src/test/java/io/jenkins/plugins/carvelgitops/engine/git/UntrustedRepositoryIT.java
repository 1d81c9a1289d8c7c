package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteService;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import io.jenkins.plugins.carvelgitops.engine.render.RenderService;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.HostileTree;
import io.jenkins.plugins.carvelgitops.engine.testing.HostileTree.Entry;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitOps repository as untrusted input, local and behind file://: links, submodules and special
 * entries at or above our paths are refused before anything is written, nothing outside the repository
 * is written, deleted or shown, and what an interrupted run left in a working copy is redone by the next.
 */
class UntrustedRepositoryIT {

    static final String PKG = Fixtures.PACKAGE;

    @TempDir
    Path tmp;
    Path outside;
    final RecordingProgress listener = new RecordingProgress();

    @BeforeEach
    void outsideFolder() throws Exception {
        outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("keep.txt"), "not yours\n");
        Files.writeString(outside.resolve("1.0.0.yaml"), "a file outside the repository\n");
    }

    // ---- local working copy ----

    Path localConfig() throws Exception {
        return Fixtures.config(tmp.resolve("app"), "./gitops-repo");
    }

    Path localRepo() {
        return tmp.resolve("app/gitops-repo");
    }

    Function<GitopsConfig, GitopsRepository> local() {
        return c -> GitopsRepositories.open(c, tmp.resolve("app"), listener);
    }

    @Test
    void aLinkedStageFolderInTheWorkingCopyIsRefusedAndNothingOutsideIsWritten() throws Exception {
        Path config = localConfig();
        render(local(), config, "1.0.0", List.of("staging", "prod"), false, 0, Map.of());
        String head = head(localRepo());
        Path prod = localRepo().resolve(PKG + "/prod");
        deleteTree(prod);
        Files.createSymbolicLink(prod, outside);

        for (boolean dryRun : List.of(true, false)) {
            assertThatThrownBy(() -> render(local(), config, "1.0.0", List.of("prod"), dryRun, 0,
                    Map.of("stages.prod.values.replicas", "5")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining(PKG + "/prod in " + localRepo())
                    .hasMessageContaining("is a symbolic link");
        }
        assertThat(listing(outside)).containsExactly("1.0.0.yaml", "keep.txt");
        assertThat(head(localRepo())).isEqualTo(head);
    }

    @Test
    void aCommittedLinkIsRefusedLocallyAndItsTargetNeverShown() throws Exception {
        Path config = localConfig();
        render(local(), config, "1.0.0", List.of("staging", "prod"), false, 0, Map.of());
        Path secret = tmp.resolve("secret.env");
        Files.writeString(secret, "GIT_TOKEN=ghp_local_secret_value\n");
        HostileTree.commit(localRepo().resolve(".git"), "main", Map.of(PKG + "/prod/params.yaml",
                Entry.link(secret.toString())));
        String head = head(localRepo());

        assertThatThrownBy(() -> render(local(), config, "1.0.0", List.of("prod"), true, 0,
                Map.of("stages.prod.values.replicas", "5")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(PKG + "/prod/params.yaml in ")
                .hasMessageContaining("is a symbolic link")
                .hasMessageNotContaining("ghp_local_secret_value");
        assertThat(listener.text()).doesNotContain("ghp_local_secret_value");
        assertThat(head(localRepo())).isEqualTo(head);
    }

    // ---- a pushed commit behind file:// ----

    BareRemote remote;

    Path remoteConfig() throws Exception {
        remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        return Fixtures.config(tmp.resolve("app"), remote.fileUrl());
    }

    Function<GitopsConfig, GitopsRepository> viaFile() {
        RemoteOptions options = RemoteOptions.defaults(tmp.resolve("cache"));
        return c -> new RemoteGitopsRepository(() -> JGitRemote.open(c.repository().url(), "main", options,
                CommitSpec.DEFAULT, listener), options.retry(), listener);
    }

    @Test
    void aPushedStageLinkIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path config = remoteConfig();
        render(viaFile(), config, "1.0.0", List.of("staging", "prod"), false, 0, Map.of());
        String planted = HostileTree.commit(remote.dir(), "main", Map.of(PKG + "/prod", Entry.link(
                outside.toString())));

        assertThatThrownBy(() -> render(viaFile(), config, "1.0.0", List.of("prod"), false, 0,
                Map.of("stages.prod.values.replicas", "5")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(PKG + "/prod in " + remote.fileUrl())
                .hasMessageContaining("is a symbolic link");
        assertThat(listing(outside)).containsExactly("1.0.0.yaml", "keep.txt");
        assertThat(remote.head()).isEqualTo(planted);
        assertThat(linksIn(tmp.resolve("cache"))).as("links checked out in the clone cache").isEmpty();
    }

    @Test
    void retentionNeverDeletesThroughALinkedPackagesFolder() throws Exception {
        Path config = remoteConfig();
        render(viaFile(), config, "0.9.0", List.of("staging"), false, 0, Map.of());
        String planted = HostileTree.commit(remote.dir(), "main", Map.of(PKG + "/packages", Entry.link(
                outside.toString())));

        assertThatThrownBy(() -> render(viaFile(), config, "2.0.0", List.of("staging"), false, 1, Map.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(PKG + "/packages in ")
                .hasMessageContaining("is a symbolic link");
        assertThat(listing(outside)).containsExactly("1.0.0.yaml", "keep.txt");
        assertThat(remote.head()).isEqualTo(planted);
    }

    @Test
    void aPushedLinkToASecretIsNeverShownInADryRun() throws Exception {
        Path config = remoteConfig();
        render(viaFile(), config, "1.0.0", List.of("staging", "prod"), false, 0, Map.of());
        Path secret = tmp.resolve("environ");
        Files.writeString(secret, "GIT_TOKEN=ghp_pushed_secret_value\n");
        HostileTree.commit(remote.dir(), "main", Map.of(PKG + "/prod/params.yaml", Entry.link(secret.toString())));

        assertThatThrownBy(() -> render(viaFile(), config, "1.0.0", List.of("prod"), true, 0,
                Map.of("stages.prod.values.replicas", "5")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(PKG + "/prod/params.yaml in ")
                .hasMessageNotContaining("ghp_pushed_secret_value");
        assertThat(listener.text()).doesNotContain("ghp_pushed_secret_value");
    }

    @Test
    void aSubmoduleWhereAStageBelongsIsRefused() throws Exception {
        Path config = remoteConfig();
        render(viaFile(), config, "1.0.0", List.of("staging"), false, 0, Map.of());
        String planted = HostileTree.commit(remote.dir(), "main", Map.of(PKG + "/prod", Entry.submodule()));

        assertThatThrownBy(() -> render(viaFile(), config, "1.0.0", List.of("prod"), false, 0, Map.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(PKG + "/prod in ")
                .hasMessageContaining("is a submodule (gitlink)");
        assertThat(remote.head()).isEqualTo(planted);
    }

    @Test
    void aPushIntoTheCheckedOutBranchOfANonBareRepositoryIsRefused() throws Exception {
        Path target = tmp.resolve("working-copy");
        try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
            Files.writeString(target.resolve("README"), "hello\n");
            git.add().addFilepattern("README").call();
            git.commit().setMessage("first").setAuthor("u", "u@example.invalid").setCommitter("u", "u@example.invalid")
                    .setSign(false).call();
        }
        String before = head(target);
        Path config = Fixtures.config(tmp.resolve("app"), target.toUri().toString().replaceFirst("/$", ""));

        assertThatThrownBy(() -> render(viaFile(), config, "1.0.0", List.of("staging"), false, 0, Map.of()))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("branch main is checked out in the non-bare repository")
                .hasMessageContaining("nothing was pushed");
        assertThat(head(target)).isEqualTo(before);
        try (Git git = Git.open(target.toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    // ---- interrupted runs in a local working copy ----

    @Test
    void whatAKilledRunStagedInOurFoldersIsFinishedByTheNextRun() throws Exception {
        Path config = localConfig();
        render(local(), config, "1.0.0", List.of("staging"), false, 0, Map.of());
        // a run for prod killed after the index write: its files written and staged, no commit
        Path prodParams = localRepo().resolve(PKG + "/prod/params.yaml");
        Files.createDirectories(prodParams.getParent());
        Files.writeString(prodParams, "half of a delivery\n");
        try (Git git = Git.open(localRepo().toFile())) {
            git.add().addFilepattern(PKG + "/prod/params.yaml").call();
        }

        RenderOutcome next = render(local(), config, "1.0.0", List.of("prod"), false, 0, Map.of());

        assertThat(next.commit().changed()).isTrue();
        assertThat(changedIn(localRepo(), next.commit().sha())).containsExactlyInAnyOrder(
                "flux/" + PKG + "/prod-kustomizations.yaml", PKG + "/prod/packageinstall.yaml",
                PKG + "/prod/params.yaml");
        try (Git git = Git.open(localRepo().toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    @Test
    void theUsersStagedWorkOutsideOurFoldersIsRefusedAndNeverCommitted() throws Exception {
        Path config = localConfig();
        render(local(), config, "1.0.0", List.of("staging"), false, 0, Map.of());
        Files.writeString(localRepo().resolve("NOTES.md"), "my own work\n");
        try (Git git = Git.open(localRepo().toFile())) {
            git.add().addFilepattern("NOTES.md").call();
        }
        String head = head(localRepo());

        assertThatThrownBy(() -> render(local(), config, "1.0.0", List.of("prod"), false, 0, Map.of()))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("has staged changes that are not ours (NOTES.md)");
        assertThat(head(localRepo())).isEqualTo(head);
        try (Git git = Git.open(localRepo().toFile())) {
            assertThat(git.status().call().getAdded()).containsExactly("NOTES.md");
        }
    }

    @Test
    void promoteAfterResetHardAndMixedCommitsEveryFileOfTheStage() throws Exception {
        Path config = localConfig();
        render(local(), config, "1.0.0", List.of("staging"), false, 0, Map.of());
        promote(config, "staging", "prod");
        reset(localRepo(), ResetCommand.ResetType.HARD);
        promote(config, "staging", "prod");
        reset(localRepo(), ResetCommand.ResetType.MIXED);

        String sha = promote(config, "staging", "prod");

        assertThat(changedIn(localRepo(), sha)).containsExactlyInAnyOrder(
                "flux/" + PKG + "/prod-kustomizations.yaml", PKG + "/prod/packageinstall.yaml",
                PKG + "/prod/params.yaml");
        try (Git git = Git.open(localRepo().toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    @Test
    void aForeignIndexLockIsNeverDeleted() throws Exception {
        Path config = localConfig();
        render(local(), config, "1.0.0", List.of("staging"), false, 0, Map.of());
        Path lock = localRepo().resolve(".git/index.lock");
        Files.writeString(lock, "");

        assertThatThrownBy(() -> render(local(), config, "1.0.0", List.of("prod"), false, 0, Map.of()))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining(lock + " exists: another Git process may be running in " + localRepo())
                .hasMessageContaining("remove " + lock);
        assertThat(lock).exists();
    }

    @Test
    void theIndexLockOfAKilledRunOfOursIsCleared() throws Exception {
        Path config = localConfig();
        render(local(), config, "1.0.0", List.of("staging"), false, 0, Map.of());
        // what a run killed inside its commit leaves: its note, then Git's lock
        GitLocks.begin(localRepo().resolve(".git"));
        Files.writeString(localRepo().resolve(".git/index.lock"), "");

        RenderOutcome next = render(local(), config, "1.0.0", List.of("prod"), false, 0, Map.of());

        assertThat(next.commit().changed()).isTrue();
        assertThat(localRepo().resolve(".git/index.lock")).doesNotExist();
        assertThat(localRepo().resolve(".git/" + GitLocks.NOTE)).doesNotExist();
    }

    // ---- helpers ----

    RenderOutcome render(Function<GitopsConfig, GitopsRepository> repositories, Path config, String version,
            List<String> stages, boolean dryRun, int retain, Map<String, String> overrides) throws Exception {
        Path pkg = Fixtures.packageFile(tmp.resolve("pkgs"), version);
        return new RenderService(repositories, listener).run(new RenderJob(config, new ConfigOverrides(overrides),
                pkg, stages, null, dryRun, retain));
    }

    String promote(Path config, String from, String to) {
        return new PromoteService(local(), listener).run(PromoteJob.builder(config).from(from).to(to).build())
                .commit().sha();
    }

    static void reset(Path repo, ResetCommand.ResetType mode) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.reset().setMode(mode).setRef("HEAD~1").call();
        }
    }

    static String head(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }

    /** Paths the commit changed against its parent. */
    static List<String> changedIn(Path repo, String sha) throws Exception {
        try (Git git = Git.open(repo.toFile()); var reader = git.getRepository().newObjectReader();
                var walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            RevCommit commit = walk.parseCommit(git.getRepository().resolve(sha));
            CanonicalTreeParser parent = new CanonicalTreeParser(null, reader, walk.parseCommit(commit.getParent(0)).getTree());
            CanonicalTreeParser self = new CanonicalTreeParser(null, reader, commit.getTree());
            List<String> paths = new ArrayList<>();
            for (DiffEntry d : git.diff().setOldTree(parent).setNewTree(self).call()) {
                paths.add(d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath());
            }
            return paths;
        }
    }

    static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<Path> linksIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isSymbolicLink).toList();
        }
    }

    static void deleteTree(Path p) throws Exception {
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
