package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recognisable token goes through every Git command, on success and failure paths, with and without
 * --debug. Afterwards it is nowhere: not in stdout or stderr, not in any file the tool wrote (the
 * cached clone and its .git/config included), not in the Git history, not in the temp folder.
 */
class CanaryIT {

    static final String USER = "canary-bot";
    static final String TOKEN = "cgCANARY-9f3e1d7c5b-TOKEN";
    static final String WRONG = "cgCANARY-0000000000-WRONG";

    record Run(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    @Test
    void theTokenAppearsNowhere() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path served = Files.createDirectories(dir.resolve("served"));
        BareRemote.create(served.resolve("gitops.git"), "main");
        String pkg = Files.readString(SharedMaterial.examples().resolve("hello/package.yaml"));
        Files.writeString(work.resolve("package-1.0.0.yaml"), pkg.replace("20240318141801.0.0", "1.0.0"));
        Files.writeString(work.resolve("package-1.1.0.yaml"), pkg.replace("20240318141801.0.0", "1.1.0"));

        List<Run> runs = new ArrayList<>();
        try (GitHttpServer server = GitHttpServer.start(served, USER, TOKEN)) {
            Files.writeString(work.resolve("carvel-gitops.yaml"), "package: hello.default.tap\nrepository:\n  url: "
                    + server.url("gitops.git") + "\nstages:\n"
                    + "- {name: staging, namespace: apps, serviceAccount: sa, values: {workload_name: hello}}\n"
                    + "- {name: prod, namespace: apps, serviceAccount: sa, values: {workload_name: hello}}\n");
            Path tokenFile = dir.resolve("token");
            Files.writeString(tokenFile, TOKEN + "\n");
            Map<String, String> good = Map.of("GIT_USERNAME", USER, "GIT_TOKEN", TOKEN);
            Map<String, String> bad = Map.of("GIT_USERNAME", USER, "GIT_TOKEN", WRONG);

            runs.add(expect(0, run(work, tmp, good, "render", "--package", "package-1.0.0.yaml", "--stage", "staging",
                    "--stage", "prod", "--cache-dir", cache.toString())));
            runs.add(expect(0, run(work, tmp, Map.of("GIT_USERNAME", USER), "render", "--package", "package-1.1.0.yaml",
                    "--token-file", tokenFile.toString(), "--cache-dir", cache.toString(), "--debug")));
            runs.add(expect(0, run(work, tmp, good, "render", "--package", "package-1.1.0.yaml", "--dry-run",
                    "--set", "stages.staging.values.replicas=3", "--cache-dir", cache.toString(), "--output", "json")));
            runs.add(expect(3, run(work, tmp, bad, "render", "--package", "package-1.1.0.yaml", "--set",
                    "stages.staging.values.replicas=4", "--cache-dir", cache.toString(), "--debug")));
            runs.add(expect(3, run(work, tmp, bad, "promote", "--to", "prod", "--cache-dir",
                    dir.resolve("cold-cache").toString(), "--debug")));
            runs.add(expect(2, run(work, tmp, good, "render", "--package", "package-1.1.0.yaml", "--token", TOKEN)));
            runs.add(expect(0, run(work, tmp, good, "promote", "--to", "prod", "--cache-dir", cache.toString(),
                    "--output", "json")));
            runs.add(expect(1, run(work, tmp, good, "promote", "--to", "prod", "--package-version", "9.9.9", "--cache-dir",
                    cache.toString(), "--debug")));
        }

        for (Run r : runs) {
            assertThat(r.out()).doesNotContain(TOKEN, WRONG);
            assertThat(r.err()).doesNotContain(TOKEN, WRONG);
        }
        assertThat(runs.get(3).err()).contains("authentication failed for http://127.0.0.1:");
        assertThat(SecretScan.filesContaining(cache, TOKEN)).isEmpty();
        assertThat(SecretScan.filesContaining(dir.resolve("cold-cache"), WRONG)).isEmpty();
        assertThat(SecretScan.filesContaining(work, TOKEN)).isEmpty();
        assertThat(SecretScan.filesContaining(tmp, TOKEN)).isEmpty();
        assertThat(SecretScan.filesContaining(tmp, WRONG)).isEmpty();
        assertThat(historyContains(served.resolve("gitops.git"), TOKEN)).isFalse();
        assertThat(historyContains(served.resolve("gitops.git"), "1.1.0")).as("the scan sees history").isTrue();
    }

    private static Run expect(int code, Run run) {
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        return run;
    }

    private static Run run(Path work, Path tmp, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp, "-jar", ProcessIT.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().remove("GIT_TOKEN");
        pb.environment().remove("GIT_USERNAME");
        pb.environment().putAll(env);
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Whether any commit message, identity or file content in the repository's history holds {@code text}. */
    static boolean historyContains(Path bare, String text) throws Exception {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
                RevWalk walk = new RevWalk(repo)) {
            for (var ref : repo.getRefDatabase().getRefs()) {
                walk.markStart(walk.parseCommit(ref.getObjectId()));
            }
            for (RevCommit c : walk) {
                if (c.getFullMessage().contains(text) || c.getAuthorIdent().toString().contains(text)
                        || c.getCommitterIdent().toString().contains(text)) {
                    return true;
                }
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(c.getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        ObjectId blob = tree.getObjectId(0);
                        if (new String(repo.open(blob).getBytes(), StandardCharsets.UTF_8).contains(text)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
