package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.RacingRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing to a bare repository over file:// with the JGit port and the retry algorithm. */
class RemoteGitopsRepositoryIT {

    @TempDir
    Path tmp;

    BareRemote remote;
    RecordingProgress listener = new RecordingProgress();
    RemoteOptions options;

    @BeforeEach
    void setUp() throws Exception {
        remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        options = RemoteOptions.defaults(tmp.resolve("cache"))
                .withRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private RemoteGitopsRepository repository(CommitSpec identity) {
        return new RemoteGitopsRepository(() -> JGitRemote.open(remote.fileUrl(), "main", options, identity, listener),
                options.retry(), listener);
    }

    private static Change change(String message, String... pathsAndContents) {
        List<RepoFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.add(new RepoFile(pathsAndContents[i], pathsAndContents[i + 1]));
        }
        return new Change(files, List.of(), message);
    }

    @Test
    void createsTheBranchThenMakesNoEmptyCommitOnARerun() throws Exception {
        CommitResult first = repository(CommitSpec.DEFAULT).publish(change("first\n", "a/x.yaml", "x: 1\n"));

        assertThat(first.changed()).isTrue();
        assertThat(remote.head()).isEqualTo(first.sha());
        assertThat(remote.read("a/x.yaml")).isEqualTo("x: 1\n");

        CommitResult again = repository(CommitSpec.DEFAULT).publish(change("first\n", "a/x.yaml", "x: 1\n"));
        assertThat(again.changed()).isFalse();
        assertThat(again.sha()).isEqualTo(first.sha());
        assertThat(remote.linearHistory()).hasSize(1);
    }

    @Test
    void commitsWithTheConfiguredIdentityAndMessage() throws Exception {
        CommitSpec who = new CommitSpec("Release Bot", "bot@example.invalid", null);
        repository(who).publish(change("Deliver it\n\nBuild: https://ci.example/1\n", "f.yaml", "a: b\n"));

        RevCommit commit = remote.linearHistory().get(0);
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("Release Bot");
        assertThat(commit.getCommitterIdent().getEmailAddress()).isEqualTo("bot@example.invalid");
        assertThat(commit.getFullMessage()).isEqualTo("Deliver it\n\nBuild: https://ci.example/1\n");
    }

    @Test
    void reusesTheCloneAndBuildsOnWhatOthersPushed() throws Exception {
        repository(CommitSpec.DEFAULT).publish(change("one\n", "one.yaml", "1\n"));
        remote.pushAsSomeoneElse(tmp, "theirs", Map.of("theirs.yaml", "t\n"));
        remote.pushAsSomeoneElse(tmp, "theirs again", Map.of("theirs2.yaml", "t\n"));

        CommitResult mine = repository(CommitSpec.DEFAULT).publish(change("two\n", "two.yaml", "2\n"));

        List<RevCommit> history = remote.linearHistory();
        assertThat(history).hasSize(4);
        assertThat(history.get(0).name()).isEqualTo(mine.sha());
        assertThat(remote.read("theirs.yaml")).isEqualTo("t\n");
        assertThat(remote.read("one.yaml")).isEqualTo("1\n");
        Path clone = tmp.resolve("cache").resolve(JGitRemote.cacheKey(remote.fileUrl(), "main")).resolve("repo");
        assertThat(clone.resolve(".git/shallow")).as("the clone made the first commit, so it holds the whole "
                + "history and a fetch adds only what is new").doesNotExist();
    }

    @Test
    void aRepositoryWithHistoryIsClonedAtDepthOne() throws Exception {
        RemoteOptions elsewhere = RemoteOptions.defaults(tmp.resolve("other-cache")).withRetry(options.retry());
        RemoteGitopsRepository other = new RemoteGitopsRepository(() -> JGitRemote.open(remote.fileUrl(), "main",
                elsewhere, CommitSpec.DEFAULT, listener), elsewhere.retry(), listener);
        other.publish(change("root\n", "root.yaml", "r\n"));
        other.publish(change("theirs\n", "theirs.yaml", "t\n"));

        CommitResult mine = repository(CommitSpec.DEFAULT).publish(change("two\n", "two.yaml", "2\n"));

        assertThat(remote.linearHistory()).hasSize(3);
        assertThat(remote.linearHistory().get(0).name()).isEqualTo(mine.sha());
        Path clone = tmp.resolve("cache").resolve(JGitRemote.cacheKey(remote.fileUrl(), "main")).resolve("repo");
        assertThat(Files.readString(clone.resolve(".git/shallow"))).as("fetched at depth 1").isNotBlank();
        remote.pushAsSomeoneElse(tmp, "theirs again", Map.of("theirs2.yaml", "t\n"));
        repository(CommitSpec.DEFAULT).publish(change("three\n", "three.yaml", "3\n"));
        assertThat(clone.resolve(".git/shallow")).as("a shallow clone stays shallow").exists();
        assertThat(remote.linearHistory()).hasSize(5);
    }

    @Test
    void aRejectedPushIsReappliedOnTheNewHead() throws Exception {
        AtomicBoolean raced = new AtomicBoolean();
        repository(CommitSpec.DEFAULT).publish(change("base\n", "base.yaml", "b\n"));
        RemoteGitopsRepository racing = new RemoteGitopsRepository(() -> new RacingRemote(
                JGitRemote.open(remote.fileUrl(), "main", options, CommitSpec.DEFAULT, listener), () -> {
                    if (raced.compareAndSet(false, true)) {
                        remote.pushAsSomeoneElse(tmp, "theirs", Map.of("theirs.yaml", "t\n"));
                    }
                }), options.retry(), listener);

        CommitResult mine = racing.publish(change("mine\n", "mine.yaml", "m\n"));

        assertThat(mine.changed()).isTrue();
        List<RevCommit> history = remote.linearHistory();
        assertThat(history).extracting(RevCommit::getShortMessage).containsExactly("mine", "theirs", "base");
        assertThat(listener.text()).contains("push rejected: " + remote.fileUrl() + " (branch main) moved on from")
                .contains("attempt 1 of 5").contains("attempt 2 of 5");
    }

    @Test
    void aPlanThatFailsOnTheNewHeadPushesNothing() throws Exception {
        repository(CommitSpec.DEFAULT).publish(change("base\n", "needed.yaml", "n\n"));
        AtomicBoolean raced = new AtomicBoolean();
        RemoteGitopsRepository racing = new RemoteGitopsRepository(() -> new RacingRemote(
                JGitRemote.open(remote.fileUrl(), "main", options, CommitSpec.DEFAULT, listener), () -> {
                    if (raced.compareAndSet(false, true)) {
                        Map<String, String> delete = new HashMap<>();
                        delete.put("needed.yaml", null);
                        remote.pushAsSomeoneElse(tmp, "remove it", delete);
                    }
                }), options.retry(), listener);
        ChangePlanner needsFile = head -> {
            if (head.read("needed.yaml") == null) {
                throw ValidationException.of("repo", "needed.yaml", "is gone", "put it back");
            }
            return change("mine\n", "mine.yaml", "m\n");
        };

        assertThatThrownBy(() -> racing.publish(needsFile)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("needed.yaml: is gone");
        assertThat(remote.linearHistory()).extracting(RevCommit::getShortMessage).containsExactly("remove it", "base");
        assertThat(remote.read("mine.yaml")).isNull();
    }

    @Test
    void givesUpAfterTheLastAttemptWithNothingPushed() throws Exception {
        repository(CommitSpec.DEFAULT).publish(change("base\n", "base.yaml", "b\n"));
        int[] n = {0};
        RemoteGitopsRepository alwaysRaced = new RemoteGitopsRepository(() -> new RacingRemote(
                JGitRemote.open(remote.fileUrl(), "main", options, CommitSpec.DEFAULT, listener),
                () -> remote.pushAsSomeoneElse(tmp, "theirs " + n[0]++, Map.of("t" + n[0] + ".yaml", "t\n"))),
                options.retry(), listener);

        assertThatThrownBy(() -> alwaysRaced.publish(change("mine\n", "mine.yaml", "m\n")))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("was rejected 5 times").hasMessageContaining("nothing of this change was pushed");
        assertThat(remote.read("mine.yaml")).isNull();
        assertThat(remote.linearHistory()).hasSize(6);
    }

    @Test
    void dryRunShowsTheDiffAgainstTheRemoteHeadAndWritesNothing() throws Exception {
        repository(CommitSpec.DEFAULT).publish(change("base\n", "f.yaml", "a: 1\n"));
        CommitResult dry = repository(CommitSpec.DEFAULT).dryRun(change("x\n", "f.yaml", "a: 2\n"));

        assertThat(dry.changed()).isFalse();
        assertThat(dry.diff()).contains("-a: 1").contains("+a: 2");
        assertThat(remote.read("f.yaml")).isEqualTo("a: 1\n");
        assertThat(remote.linearHistory()).hasSize(1);
    }

    @Test
    void aStaleIndexLockFromAnInterruptedRunIsCleared() throws Exception {
        repository(CommitSpec.DEFAULT).publish(change("one\n", "one.yaml", "1\n"));
        Path clone = tmp.resolve("cache").resolve(JGitRemote.cacheKey(remote.fileUrl(), "main")).resolve("repo");
        Files.writeString(clone.resolve(".git/index.lock"), "");
        Files.writeString(clone.resolve("one.yaml"), "half-written\n");

        CommitResult next = repository(CommitSpec.DEFAULT).publish(change("two\n", "two.yaml", "2\n"));

        assertThat(next.changed()).isTrue();
        assertThat(remote.read("one.yaml")).isEqualTo("1\n");
        assertThat(remote.linearHistory()).hasSize(2);
    }

    @Test
    void aSecondRunWaitsForTheCacheLock() throws Exception {
        Path cacheDir = tmp.resolve("cache").resolve(JGitRemote.cacheKey(remote.fileUrl(), "main"));
        try (JGitRemote holder = JGitRemote.open(remote.fileUrl(), "main", options, CommitSpec.DEFAULT, listener)) {
            RemoteOptions impatient = new RemoteOptions(null, null, options.cacheRoot(), options.retry(),
                    Duration.ofMillis(200), true);
            assertThatThrownBy(() -> JGitRemote.open(remote.fileUrl(), "main", impatient, CommitSpec.DEFAULT,
                    listener)).isInstanceOf(GitopsGitException.class).hasMessageContaining("stayed in use");
            assertThat(Files.exists(cacheDir)).isTrue();
        }
        JGitRemote.open(remote.fileUrl(), "main", options, CommitSpec.DEFAULT, listener).close();
    }

    @Test
    void theCacheHoldsOnlyTheFilesOurChangesWroteAndItsIndexTheWholeHead() throws Exception {
        repository(CommitSpec.DEFAULT).publish(change("base\n", "app/base.yaml", "b: 1\n"));
        remote.pushAsSomeoneElse(tmp, "theirs\n", Map.of("unrelated/a.yaml", "a\n", "unrelated/b.yaml", "b\n"));
        Path clone = tmp.resolve("cache").resolve(JGitRemote.cacheKey(remote.fileUrl(), "main")).resolve("repo");

        CommitResult ours = repository(CommitSpec.DEFAULT).publish(change("ours\n", "app/x.yaml", "x: 1\n"));

        assertThat(clone.resolve("unrelated")).as("files of the head no change of ours wrote").doesNotExist();
        assertThat(clone.resolve("app/x.yaml")).hasContent("x: 1");
        assertThat(remote.read("unrelated/a.yaml")).isEqualTo("a\n");
        try (org.eclipse.jgit.lib.Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(clone.resolve(".git").toFile()).setMustExist(true).build()) {
            assertThat(repo.readDirCache().getEntryCount()).as("index entries").isEqualTo(4);
            assertThat(repo.resolve("HEAD").name()).isEqualTo(ours.sha());
        }
    }

    @Test
    void aFileOfOursWhereTheHeadNowHasAFolderIsClearedBeforeWriting() throws Exception {
        repository(CommitSpec.DEFAULT).publish(change("file\n", "app/prod", "a file\n"));
        Map<String, String> moved = new java.util.LinkedHashMap<>();
        moved.put("app/prod", null);
        moved.put("app/prod/keep.yaml", "k\n");
        remote.pushAsSomeoneElse(tmp, "a folder now\n", moved);

        CommitResult next = repository(CommitSpec.DEFAULT).publish(change("into it\n", "app/prod/x.yaml", "x\n"));

        assertThat(next.changed()).isTrue();
        assertThat(remote.read("app/prod/x.yaml")).isEqualTo("x\n");
        assertThat(remote.read("app/prod/keep.yaml")).isEqualTo("k\n");

        Map<String, String> back = new java.util.LinkedHashMap<>();
        back.put("app/prod/x.yaml", null);
        back.put("app/prod/keep.yaml", null);
        back.put("app/prod", "a file again\n");
        remote.pushAsSomeoneElse(tmp, "a file again\n", back);

        CommitResult file = repository(CommitSpec.DEFAULT).publish(change("file\n", "app/prod", "ours\n"));

        assertThat(file.changed()).isTrue();
        assertThat(remote.read("app/prod")).isEqualTo("ours\n");
    }
}
