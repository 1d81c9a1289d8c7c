package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up while {@code render} commits: the error says so in one line without {@code --debug},
 * the working copy and its index are as they were, and once space is freed the next run commits. The full
 * disk is a small tmpfs mounted over the repository's object store (it needs root; elsewhere the test
 * says in one line that it was skipped, and under CI=true it fails instead).
 */
class DiskFullIT {

    @Test
    void aFullDiskDuringTheCommitIsNamedAndTheNextRunWorks(@TempDir Path dir) throws Exception {
        Path example = SharedMaterial.examples().resolve("hello");
        Files.copy(example.resolve("carvel-gitops.yaml"), dir.resolve("carvel-gitops.yaml"));
        Files.copy(example.resolve("package.yaml"), dir.resolve("package.yaml"));
        String config = dir.resolve("carvel-gitops.yaml").toString();
        CliRun first = CliRun.of("render", "--config", config, "--stage", "staging");
        assertThat(first.code()).as(first.err()).isZero();
        Path repo = dir.resolve("gitops-repo");
        Path objects = repo.resolve(".git/objects");
        Path saved = dir.resolve("objects-saved");
        BadInputCorpusTest.copyTree(objects, saved);
        if (!mount(objects)) {
            return;
        }
        try {
            BadInputCorpusTest.copyTree(saved, objects);
            Path filler = objects.resolve("filler");
            fill(filler);
            String head = head(repo);

            CliRun full = CliRun.of("render", "--config", config, "--stage", "staging", "--set",
                    "stages.staging.values.replicas=7");

            assertThat(full.code()).as(full.err()).isEqualTo(ExitCodes.GIT_OR_IO);
            assertThat(full.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1).allSatisfy(line ->
                    assertThat(line).contains("No space left on device"));
            assertThat(full.err()).doesNotContain("\tat ");
            assertThat(head(repo)).isEqualTo(head);
            try (Git git = Git.open(repo.toFile())) {
                assertThat(git.status().call().isClean()).as("working copy and index as they were").isTrue();
            }

            Files.delete(filler);
            CliRun next = CliRun.of("render", "--config", config, "--stage", "staging", "--set",
                    "stages.staging.values.replicas=7");
            assertThat(next.code()).as(next.err()).isZero();
            assertThat(head(repo)).isNotEqualTo(head);
            try (Git git = Git.open(repo.toFile())) {
                assertThat(git.status().call().isClean()).isTrue();
            }
            Process fsck = new ProcessBuilder("git", "-C", repo.toString(), "fsck", "--no-progress")
                    .redirectErrorStream(true).start();
            String out = new String(fsck.getInputStream().readAllBytes());
            assertThat(fsck.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(fsck.exitValue()).as(out).isZero();
        } finally {
            run("umount", objects.toString());
        }
    }

    /** Mounts a 1 MiB tmpfs at {@code at}; false (with one line) where that is not possible outside CI. */
    private static boolean mount(Path at) throws Exception {
        if (run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString())) {
            return true;
        }
        String why = "DiskFullIT skipped: cannot mount a small tmpfs (needs root)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(why + ", and CI=true allows no skip");
        }
        System.out.println(why);
        Assumptions.abort(why);
        return false;
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the file system is full now
        }
    }

    private static String head(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }
}
