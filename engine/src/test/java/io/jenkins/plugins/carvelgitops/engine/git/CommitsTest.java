package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging touches only our index entries and writes a large change as one pack. */
class CommitsTest {

    @TempDir
    Path repo;
    Git git;

    @BeforeEach
    void repositoryWithUnrelatedFiles() throws Exception {
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        for (int i = 0; i < 30; i++) {
            write("other/app-" + i + ".yaml", "app: " + i + "\n");
        }
        write("old/gone.yaml", "gone: true\n");
        git.add().addFilepattern(".").call();
        git.commit().setMessage("unrelated").setSign(false).call();
        packLooseObjects();
    }

    @Test
    void editsOnlyOurEntriesAndLeavesStaleStatDataOfOthersAlone() throws Exception {
        // stale stat data, as after cp -a: an unrelated file's entry no longer matches its file's mtime
        Files.setLastModifiedTime(repo.resolve("other/app-3.yaml"),
                java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        List<String> before = unrelatedEntries();

        List<FileChange> changes = new ArrayList<>();
        changes.add(put("ours/a.yaml", "a: 1\n"));
        changes.add(new FileChange("old/gone.yaml", FileChange.Kind.REMOVED, "gone: true\n", null));
        Files.delete(repo.resolve("old/gone.yaml"));
        RevCommit commit = Commits.commit(git, changes, "ours\n\nbody", CommitSpec.DEFAULT);

        assertThat(unrelatedEntries()).isEqualTo(before);
        assertThat(pathsOf(commit)).contains("ours/a.yaml", "other/app-3.yaml").doesNotContain("old/gone.yaml");
        assertThat(commit.getParentCount()).isEqualTo(1);
        assertThat(git.getRepository().resolve("HEAD")).isEqualTo(commit.getId());
        Status status = git.status().call();
        assertThat(status.getAdded()).isEmpty();
        assertThat(status.getChanged()).isEmpty();
        assertThat(status.getRemoved()).isEmpty();
        assertThat(status.getUntracked()).isEmpty();
        assertThat(status.getModified()).isEmpty();
    }

    @Test
    void aLargeChangeGoesIntoOnePackNotLooseObjects() throws Exception {
        List<FileChange> changes = new ArrayList<>();
        for (int i = 0; i < Commits.PACK_THRESHOLD; i++) {
            changes.add(put("ours/s" + i + "/params.yaml", "stage: " + i + "\n"));
        }
        RevCommit commit = Commits.commit(git, changes, "many", CommitSpec.DEFAULT);

        assertThat(looseObjects()).isZero();
        assertThat(pathsOf(commit)).hasSize(30 + 1 + Commits.PACK_THRESHOLD);
        assertThat(git.status().call().isClean()).isTrue();
    }

    @Test
    void aSmallChangeStaysLoose() throws Exception {
        Commits.commit(git, List.of(put("ours/one.yaml", "one: 1\n")), "one", CommitSpec.DEFAULT);

        assertThat(looseObjects()).isPositive();
        assertThat(git.status().call().isClean()).isTrue();
    }

    private FileChange put(String path, String content) throws Exception {
        write(path, content);
        return new FileChange(path, FileChange.Kind.ADDED, null, content);
    }

    private void write(String path, String content) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<String> unrelatedEntries() throws Exception {
        DirCache index = git.getRepository().readDirCache();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < index.getEntryCount(); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getPathString().startsWith("other/")) {
                entries.add(e.getPathString() + " " + e.getObjectId().name() + " " + e.getLength() + " "
                        + e.getLastModifiedInstant());
            }
        }
        return entries;
    }

    private List<String> pathsOf(RevCommit commit) throws Exception {
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(git.getRepository())) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }

    private void packLooseObjects() throws Exception {
        git.gc().setAggressive(false).call();
        assertThat(looseObjects()).isZero();
    }

    private long looseObjects() throws Exception {
        try (Stream<Path> files = Files.walk(repo.resolve(".git/objects"))) {
            return files.filter(p -> p.getParent().getFileName().toString().matches("[0-9a-f]{2}")).count();
        }
    }
}
