package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a run killed (SIGKILL) in the middle of its Git work leaves behind, written here as the kill
 * leaves it, and the next run finishing the change anyway. Over file:// JGit's receive-pack runs in our
 * own process, so a kill while it moves the branch leaves {@code refs/heads/<branch>.lock} in the
 * remote: every later push then fails to lock the branch, which reads as a lost race (KillRecoveryIT saw
 * ten "moved on from" the same head).
 */
class KilledRunLeftoversIT {

    @TempDir
    Path tmp;

    BareRemote remote;
    RecordingProgress listener = new RecordingProgress();
    RemoteOptions options;

    @BeforeEach
    void setUp() throws Exception {
        remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        options = RemoteOptions.defaults(tmp.resolve("cache"))
                .withRetry(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5)));
        repository().publish(change("base\n", "a.yaml", "a: 1\n"));
    }

    private RemoteGitopsRepository repository() {
        return new RemoteGitopsRepository(() -> JGitRemote.open(remote.fileUrl(), "main", options,
                CommitSpec.DEFAULT, listener), options.retry(), listener);
    }

    private static Change change(String message, String path, String content) {
        return new Change(List.of(new RepoFile(path, content)), List.of(), message);
    }

    /** A push killed after its receive-pack locked the branch and before it renamed the lock into place. */
    private Path killedMidPush() throws Exception {
        Files.writeString(remote.dir().resolve(GitLocks.NOTE), System.currentTimeMillis() + "\n");
        Path lock = remote.dir().resolve("refs/heads/main.lock");
        Files.writeString(lock, "0123456789abcdef0123456789abcdef0123456\n");
        return lock;
    }

    @Test
    void theBranchLockAKilledPushLeftInAFileRemoteIsClearedAndTheNextRunPushesAtOnce() throws Exception {
        Path lock = killedMidPush();

        CommitResult next = repository().publish(change("next\n", "a.yaml", "a: 2\n"));

        assertThat(next.changed()).isTrue();
        assertThat(remote.head()).isEqualTo(next.sha());
        assertThat(remote.linearHistory()).hasSize(2);
        assertThat(listener.text()).doesNotContain("push rejected");
        assertThat(lock).doesNotExist();
        assertThat(remote.dir().resolve(GitLocks.NOTE)).as("the push's note, removed when it is over")
                .doesNotExist();
    }

    @Test
    void aPushIntoAFileRemoteNotesItselfThereWhileItRuns() throws Exception {
        Path note = remote.dir().resolve(GitLocks.NOTE);
        try (LocalRemote.PushGuard guard = LocalRemote.guardPush(remote.fileUrl(), "main", List.of("main"),
                Duration.ofSeconds(5), listener, "remote")) {
            assertThat(note).as("what a kill during the push leaves for the next run").exists();
            RemoteOptions impatient = new RemoteOptions(null, null, tmp.resolve("other-cache"), options.retry(),
                    Duration.ofMillis(200), true);
            assertThatThrownBy(() -> new RemoteGitopsRepository(() -> JGitRemote.open(remote.fileUrl(), "main",
                    impatient, CommitSpec.DEFAULT, listener), impatient.retry(), listener)
                    .publish(change("other\n", "b.yaml", "b: 1\n")))
                    .as("a run with another cache waits for the push into the same repository")
                    .isInstanceOf(GitopsGitException.class).hasMessageContaining("stayed in use");
        }
        assertThat(note).doesNotExist();
    }

    @Test
    void aBranchLockThatIsNotOursIsLeftAloneAndTheRunSaysTheBranchNeverMoved() throws Exception {
        Path lock = remote.dir().resolve("refs/heads/main.lock");
        Files.writeString(lock, "");
        String base = remote.head();

        assertThatThrownBy(() -> repository().publish(change("next\n", "a.yaml", "a: 2\n")))
                .isInstanceOf(GitopsGitException.class)
                .hasMessageContaining("was refused 4 times, yet the branch stayed at " + base.substring(0, 7))
                .hasMessageContaining("refs/heads/<branch>.lock")
                .hasMessageContaining("nothing of this change was pushed");
        assertThat(lock).as("another Git process's lock").exists();
        assertThat(remote.head()).isEqualTo(base);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"refs/remotes/origin/main.lock", "refs/heads/main.lock", "HEAD.lock", "shallow.lock",
        "packed-refs.lock", "config.lock", "index.lock"})
    void aLockAKilledRunLeftInTheCloneCacheIsClearedAndFetchMovesTheTrackingRef(String leftover) throws Exception {
        Path gitDir = tmp.resolve("cache").resolve(CloneCache.key(remote.fileUrl(), "main")).resolve("repo/.git");
        Files.writeString(gitDir.resolve(leftover), "");
        String theirs = remote.pushAsSomeoneElse(tmp, "theirs", Map.of("t.yaml", "t\n"));

        CommitResult next = repository().publish(change("next\n", "a.yaml", "a: 2\n"));

        assertThat(remote.linearHistory()).hasSize(3);
        assertThat(remote.linearHistory().get(1).name()).isEqualTo(theirs);
        assertThat(listener.text()).doesNotContain("damaged").doesNotContain("push rejected");
        assertThat(gitDir.resolve(leftover)).doesNotExist();
        try (Repository clone = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            assertThat(clone.resolve("refs/remotes/origin/main").name()).as("the cache's view of the remote head")
                    .isIn(theirs, next.sha());
        }
    }
}
