package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGINT or SIGTERM at any moment of a render: no half-written file, no lock, no temporary file left
 * where it matters, and the next run completes the delivery in one commit.
 */
class InterruptionIT {

    static final int STAGES = 300;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void theNextRunWorksAfterAnInterruptedOne(String signal, @TempDir Path dir) throws Exception {
        Path config = prepare(dir);
        List<String> args = renderArgs(config);
        int interrupted = 0;
        for (int delay = 300; delay <= 1300; delay += 500) {
            Process p = start(dir, args);
            Thread.sleep(delay); // the signal lands at a different point of each run
            if (p.isAlive()) {
                new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
                interrupted++;
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertNoHalfWrittenFile(dir.resolve("gitops-repo"));
            if (p.exitValue() == 0) {
                reset(dir.resolve("gitops-repo"));
            }
        }
        assertThat(interrupted).as("runs actually interrupted").isPositive();

        Process last = start(dir, args);
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(new String(last.getErrorStream().readAllBytes())).isZero();
        Path repo = dir.resolve("gitops-repo");
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(filesAtHead(git)).hasSize(1 + 2 * STAGES);
        }
        assertThat(repo.resolve(".git/index.lock")).doesNotExist();
        assertThat(leftovers(repo)).isEmpty();
    }

    private static Path prepare(Path dir) throws Exception {
        Files.copy(SharedMaterial.examples().resolve("hello/package.yaml"), dir.resolve("package.yaml"));
        StringBuilder sb = new StringBuilder("package: hello.default.tap\npackageFile: package.yaml\n"
                + "repository: {url: ./gitops-repo}\nstages:\n");
        for (int i = 0; i < STAGES; i++) {
            sb.append("- {name: s").append(i).append(", namespace: apps, serviceAccount: sa, values: {workload_name: "
                    + "hello, replicas: 1}}\n");
        }
        Path config = dir.resolve("carvel-gitops.yaml");
        Files.writeString(config, sb.toString());
        return config;
    }

    private static List<String> renderArgs(Path config) {
        List<String> args = new ArrayList<>(List.of("render", "--config", config.toString()));
        for (int i = 0; i < STAGES; i++) {
            args.add("--stage");
            args.add("s" + i);
        }
        return args;
    }

    private static Process start(Path dir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", ProcessIT.jar().toAbsolutePath().toString()));
        command.addAll(args);
        return new ProcessBuilder(Signals.withDefaultInterrupt(command)).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Every file in the working tree is either absent or complete (a full YAML document). */
    private static void assertNoHalfWrittenFile(Path repo) throws Exception {
        if (!Files.isDirectory(repo)) {
            return;
        }
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(p);
                assertThat(text).as(p.toString()).endsWith("\n").contains("apiVersion: ");
            }
        }
    }

    private static List<Path> leftovers(Path repo) throws Exception {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".carvel-gitops-tmp")).toList();
        }
    }

    private static void reset(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            ObjectId first = null;
            for (var c : git.log().call()) {
                first = c;
            }
            if (git.log().call().iterator().hasNext()) {
                // Start the next trial from an empty delivery again by removing what the run committed.
                for (Path p : List.of(repo.resolve("hello.default.tap"))) {
                    deleteTree(p);
                }
                git.add().addFilepattern(".").setUpdate(true).call();
                git.commit().setMessage("reset trial").setAuthor("t", "t@example.com").setCommitter("t",
                        "t@example.com").call();
            }
            assertThat(first).isNotNull();
        }
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static List<String> filesAtHead(Git git) throws Exception {
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(git.getRepository());
                TreeWalk tree = new TreeWalk(git.getRepository())) {
            tree.addTree(walk.parseCommit(git.getRepository().resolve("HEAD")).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return paths;
    }

    @Test
    void aSecondRunWaitsForTheFirstInsteadOfCorruptingIt(@TempDir Path dir) throws Exception {
        Path config = prepare(dir);
        List<String> args = renderArgs(config);
        Process a = start(dir, args);
        Thread.sleep(150); // b starts while a is most likely running; either order must be safe
        Process b = start(dir, args);
        assertThat(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();
        try (Git git = Git.open(dir.resolve("gitops-repo").toFile())) {
            assertThat(git.log().call()).hasSize(1);
            assertThat(filesAtHead(git)).hasSize(1 + 2 * STAGES);
        }
    }
}
