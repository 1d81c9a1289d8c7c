package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.git.Change;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.JGitRemote;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteGitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteOptions;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descendant rule against a remote repository, read through the cached (shallow) clone. */
class RemoteHistoryIT {

    @TempDir
    Path tmp;

    @Test
    void commitsPushedByOthersBeforeAndAfterWeLookedCountAsDescendants() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        RemoteOptions options = RemoteOptions.defaults(tmp.resolve("cache"));
        GitopsRepository publisher = new RemoteGitopsRepository(() -> JGitRemote.open(remote.fileUrl(), "main",
                options, CommitSpec.DEFAULT, ProgressListener.NONE), options.retry(), ProgressListener.NONE);
        publisher.publish(new Change(List.of(new RepoFile("a.yaml", "a: 1\n")), List.of(), "first\n"));
        String ours = publisher.publish(new Change(List.of(new RepoFile("a.yaml", "a: 2\n")), List.of(), "ours\n"))
                .sha();
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        String theirs = remote.pushAsSomeoneElse(scratch, "theirs", Map.of("b.yaml", "b: 1\n"));

        RemoteHistory history = new RemoteHistory(() -> JGitRemote.open(remote.fileUrl(), "main",
                options.withShallow(false), CommitSpec.DEFAULT, ProgressListener.NONE), Duration.ZERO);
        assertThat(history.head("main")).contains(theirs);
        assertThat(history.isAncestor(ours, theirs)).isTrue();
        assertThat(history.isAncestor(theirs, ours)).isFalse();
        assertThat(history.read(ours, "a.yaml")).contains("a: 2\n");

        String later = remote.pushAsSomeoneElse(Files.createDirectories(tmp.resolve("scratch2")), "later",
                Map.of("c.yaml", "c: 1\n"));
        assertThat(history.isAncestor(ours, later)).as("fetched again when Flux reports a newer commit").isTrue();
        assertThat(history.isAncestor(ours, "0123456789abcdef0123456789abcdef01234567")).isFalse();

        String latest = remote.pushAsSomeoneElse(Files.createDirectories(tmp.resolve("scratch3")), "latest",
                Map.of("d.yaml", "d: 1\n"));
        assertThat(CommitNames.resolve(history, null, latest.substring(0, 7))).as("an abbreviation of a commit pushed "
                + "since is fetched").isEqualTo(latest);
    }

    @Test
    void theWholeHistoryIsFetchedOnlyWhenTheHeadCannotAnswer() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        RemoteOptions theirs = RemoteOptions.defaults(tmp.resolve("their-cache"));
        GitopsRepository others = new RemoteGitopsRepository(() -> JGitRemote.open(remote.fileUrl(), "main",
                theirs, CommitSpec.DEFAULT, ProgressListener.NONE), theirs.retry(), ProgressListener.NONE);
        String root = others.publish(new Change(List.of(new RepoFile("r.yaml", "r\n")), List.of(), "root\n")).sha();
        String first = others.publish(new Change(List.of(new RepoFile("a.yaml", "a: 1\n")), List.of(), "first\n"))
                .sha();
        RemoteOptions options = RemoteOptions.defaults(tmp.resolve("cache"));
        GitopsRepository publisher = new RemoteGitopsRepository(() -> JGitRemote.open(remote.fileUrl(), "main",
                options, CommitSpec.DEFAULT, ProgressListener.NONE), options.retry(), ProgressListener.NONE);
        String ours = publisher.publish(new Change(List.of(new RepoFile("a.yaml", "a: 2\n")), List.of(), "ours\n"))
                .sha();
        int[] whole = {0};
        RemoteHistory history = new RemoteHistory(
                () -> JGitRemote.open(remote.fileUrl(), "main", options, CommitSpec.DEFAULT, ProgressListener.NONE),
                () -> {
                    whole[0]++;
                    return JGitRemote.open(remote.fileUrl(), "main", options.withShallow(false), CommitSpec.DEFAULT,
                            ProgressListener.NONE);
                }, Duration.ZERO);
        Path cache = cloneIn(tmp.resolve("cache"));

        assertThat(history.isAncestor(ours, ours)).isTrue();
        assertThat(history.isAncestor(ours, first)).as("nothing on the branch but the head descends from it")
                .isFalse();
        assertThat(history.isAncestor(ours, root)).isFalse();
        assertThat(history.read(ours, "a.yaml")).contains("a: 2\n");
        assertThat(whole[0]).as("the head answered every question").isZero();
        assertThat(new JGitHistory(cache).isShallow()).isTrue();

        assertThat(history.isAncestor(first, ours)).as("beyond the depth-1 cut").isTrue();
        assertThat(whole[0]).isEqualTo(1);
        assertThat(history.isAncestor(root, ours)).isTrue();
        assertThat(whole[0]).isEqualTo(1);
        assertThat(history.read(root, "r.yaml")).contains("r\n");
        assertThat(new JGitHistory(cache).isShallow()).isFalse();

        String later = remote.pushAsSomeoneElse(Files.createDirectories(tmp.resolve("scratch")), "later",
                Map.of("b.yaml", "b: 1\n"));
        publisher.publish(new Change(List.of(new RepoFile("c.yaml", "c: 1\n")), List.of(), "after\n"));
        assertThat(new JGitHistory(cache).isShallow()).as("publishing keeps a whole clone whole").isFalse();
        assertThat(new JGitHistory(cache).isAncestor(root, later)).isTrue();
        assertThat(whole[0]).isEqualTo(1);
    }

    /** The one clone below the cache root. */
    private static Path cloneIn(Path cacheRoot) throws Exception {
        try (var found = Files.walk(cacheRoot, 4)) {
            return found.filter(p -> Files.isDirectory(p.resolve(".git"))).findFirst().orElseThrow();
        }
    }
}
