package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code render} and {@code promote} killed (SIGKILL) at random moments, into a local working copy and
 * through a file:// remote: after each kill the next run completes, and the trial's change is on the
 * branch in exactly one commit holding every file of it, with {@code git fsck} clean and, locally, a
 * clean working copy. The random delays come from a fixed seed, printed so a failure can be replayed.
 */
class KillRecoveryIT {

    static final int TRIALS = 30;
    static final int STAGES = 8;
    static final String PKG = "hello.default.tap";
    static final String BASE_VERSION = "20240318141801.0.0";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"render local", "render remote", "promote local", "promote remote"})
    void theNextRunAlwaysCompletesTheChangeInOneCommit(String what, @TempDir Path dir) throws Exception {
        boolean promote = what.startsWith("promote");
        boolean remote = what.endsWith("remote");
        Path bare = dir.resolve("remote.git");
        if (remote) {
            Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        }
        prepare(dir, remote ? bare.toUri().toString().replaceFirst("/$", "") : "./gitops-repo");
        Path gitDir = remote ? bare : dir.resolve("gitops-repo/.git");
        long fullRun;
        if (promote) {
            // prod runs 0.0.1; each trial promotes it to the other stored version, up and down in turn
            complete(dir, renderArgs(dir, "0.0.1", "staging", "prod"));
            complete(dir, renderArgs(dir, "0.0.2", "staging"));
            fullRun = measure(dir, promoteArgs("0.0.2"));
            complete(dir, promoteArgs("0.0.1"));
        } else {
            complete(dir, renderArgs(dir, "0.0.1"));
            fullRun = measure(dir, renderArgs(dir, "0.0.2"));
        }

        long seed = new Random().nextLong();
        System.out.println(what + ": random seed " + seed + ", a full run takes " + fullRun + " ms");
        Random random = new Random(seed);
        int killed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String version = promote ? (trial % 2 == 0 ? "0.0.2" : "0.0.1") : "1.0." + trial;
            String start = head(gitDir);
            List<String> args = promote ? promoteArgs(version) : renderArgs(dir, version);
            long started = System.nanoTime();
            Process p = start(dir, args);
            // kills spread over the run, start-up included, weighted towards its Git work at the end
            long delay = (long) (fullRun * (0.3 + 0.7 * random.nextDouble()));
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                killed++;
            } else {
                // the machine got faster than at calibration: aim by the quickest whole run seen
                fullRun = Math.min(fullRun, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            complete(dir, args);

            List<RevCommit> added = commitsSince(gitDir, start);
            assertThat(added).as("trial %d (seed %d): commits of the change", trial, seed).hasSize(1);
            assertThat(changedPaths(gitDir, added.get(0))).as("trial %d (seed %d)", trial, seed)
                    .containsExactlyInAnyOrderElementsOf(expectedPaths(promote, version));
            assertFsckClean(gitDir);
            if (!remote) {
                try (Git git = Git.open(dir.resolve("gitops-repo").toFile())) {
                    assertThat(git.status().call().isClean()).as("trial %d (seed %d): working copy", trial, seed)
                            .isTrue();
                }
            }
        }
        System.out.println(what + ": " + killed + " of " + TRIALS + " runs killed mid-way; quickest whole run "
                + fullRun + " ms");
        assertThat(killed).as("runs actually killed").isGreaterThanOrEqualTo(TRIALS / 3);
    }

    private static List<String> expectedPaths(boolean promote, String version) {
        if (promote) {
            return List.of(PKG + "/prod/packageinstall.yaml");
        }
        List<String> paths = new ArrayList<>(List.of(PKG + "/packages/" + version + ".yaml"));
        for (int i = 0; i < STAGES; i++) {
            paths.add(PKG + "/s" + i + "/packageinstall.yaml");
        }
        return paths;
    }

    private static void prepare(Path dir, String url) throws Exception {
        StringBuilder sb = new StringBuilder("package: " + PKG + "\nrepository: {url: '" + url + "'}\n"
                + "flux: {url: https://git.example.com/acme/gitops.git, namespace: build-ns}\nstages:\n");
        for (int i = 0; i < STAGES; i++) {
            sb.append("- {name: s").append(i).append(", namespace: apps, serviceAccount: sa, values: {workload_name: "
                    + "hello, replicas: 1}}\n");
        }
        sb.append("- {name: staging, namespace: apps, serviceAccount: sa, values: {workload_name: hello}}\n");
        sb.append("- {name: prod, namespace: apps, serviceAccount: sa, values: {workload_name: hello}}\n");
        Files.writeString(dir.resolve("carvel-gitops.yaml"), sb.toString());
    }

    private static List<String> renderArgs(Path dir, String version, String... stages) throws Exception {
        Path pkg = dir.resolve("package-" + version + ".yaml");
        if (!Files.exists(pkg)) {
            String text = Files.readString(SharedMaterial.examples().resolve("hello/package.yaml"));
            Files.writeString(pkg, text.replace(BASE_VERSION, version));
        }
        List<String> args = new ArrayList<>(List.of("render", "--config", "carvel-gitops.yaml", "--package",
                pkg.toString()));
        if (stages.length == 0) {
            for (int i = 0; i < STAGES; i++) {
                args.addAll(List.of("--stage", "s" + i));
            }
        } else {
            for (String s : stages) {
                args.addAll(List.of("--stage", s));
            }
        }
        return args;
    }

    private static List<String> promoteArgs(String version) {
        return List.of("promote", "--config", "carvel-gitops.yaml", "--version", version, "--to", "prod",
                "--allow-downgrade");
    }

    private static Process start(Path dir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                ProcessIT.jar().toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        return builder.start();
    }

    private static void complete(Path dir, List<String> args) throws Exception {
        Process p = start(dir, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", args) + "\n" + err).isZero();
    }

    private static long measure(Path dir, List<String> args) throws Exception {
        long started = System.nanoTime();
        complete(dir, args);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static Repository open(Path gitDir) throws Exception {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private static String head(Path gitDir) throws Exception {
        try (Repository repo = open(gitDir)) {
            ObjectId id = repo.resolve("refs/heads/main");
            return id == null ? null : id.name();
        }
    }

    private static List<RevCommit> commitsSince(Path gitDir, String start) throws Exception {
        List<RevCommit> commits = new ArrayList<>();
        try (Repository repo = open(gitDir); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
            if (start != null) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(start)));
            }
            walk.forEach(commits::add);
        }
        return commits;
    }

    private static TreeSet<String> changedPaths(Path gitDir, RevCommit commit) throws Exception {
        TreeSet<String> paths = new TreeSet<>();
        try (Repository repo = open(gitDir); Git git = new Git(repo); var reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(repo)) {
            RevCommit self = walk.parseCommit(commit);
            CanonicalTreeParser parent = new CanonicalTreeParser(null, reader, walk.parseCommit(self.getParent(0))
                    .getTree());
            for (DiffEntry d : git.diff().setOldTree(parent).setNewTree(new CanonicalTreeParser(null, reader,
                    self.getTree())).call()) {
                paths.add(d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath());
            }
        }
        return paths;
    }

    private static void assertFsckClean(Path gitDir) throws Exception {
        Process fsck = new ProcessBuilder("git", "--git-dir", gitDir.toString(), "fsck", "--no-progress",
                "--no-dangling").redirectErrorStream(true).start();
        String out = new String(fsck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fsck.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fsck.exitValue()).as("git fsck " + gitDir + ": " + out).isZero();
        assertThat(out).as("git fsck " + gitDir).isEmpty();
    }
}
