package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator.Format;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGINT, SIGTERM or SIGKILL in the middle of a verify (while it waits on the clusters) and of a promote
 * to a remote repository through a cached clone: the process ends, leaves no lock held, no temporary
 * file and no credential in the temp folder, and the next run works.
 */
class ClusterInterruptionIT {

    static final String USER = "bot";
    static final String TOKEN = "cgINTERRUPT-git-token-61c0";
    static final String KUBE_TOKEN = "kubeconfig-secret-token-";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void anInterruptedVerifyLeavesNothingAndTheNextRunWorks(String signal, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path work = Files.createDirectories(dir.resolve("work"));
        String sha = KubeCanaryIT.gitops(work.resolve("gitops"), "1.2.3");
        Path config = Files.writeString(work.resolve("carvel-gitops.yaml"), """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """);
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, List.of("prod"), 1, false)) {
            // No head yet: Flux has nothing to fetch, so the first verify waits however its events are ordered
            d.flux.reactToRequests(false);
            d.deliver("prod", "1.2.3");
            Path b = Files.writeString(dir.resolve("build.kubeconfig"), d.build.kubeconfig().content());
            Path p = Files.writeString(dir.resolve("prod.kubeconfig"), d.run("prod").kubeconfig().content());
            List<String> args = List.of("verify", "--config", config.toString(), "--kubeconfig", b.toString(),
                    "--stage-kubeconfig", "prod=" + p, "--timeout", "60s", "--debug");

            Process waiting = start(work, tmp, Map.of(), args);
            BufferedReader err = new BufferedReader(new InputStreamReader(waiting.getErrorStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = err.readLine()) != null && !line.contains("requested reconcile")) {
                // until verify waits on the clusters
            }
            assertThat(line).as("verify reached the wait").isNotNull();
            // both streams are read while it runs: a full pipe would stop the process writing its last lines
            java.util.concurrent.CompletableFuture<String> rest = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> err.lines().collect(java.util.stream.Collectors.joining("\n")));
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    waiting.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException e) {
                    // the process is gone
                }
            });
            kill(waiting, signal);
            assertThat(waiting.waitFor(30, TimeUnit.SECONDS)).as("ended after SIG%s", signal).isTrue();
            assertThat(waiting.exitValue()).as("after \"%s\":\n%s", line, rest.get(30, TimeUnit.SECONDS))
                    .isNotZero();
            assertTempHoldsNo(tmp, KUBE_TOKEN);

            d.flux.head(sha).tick();
            Process next = start(work, tmp, Map.of(), args);
            next.getInputStream().readAllBytes();
            String nextErr = new String(next.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(next.exitValue()).as(nextErr).isZero();
            assertTempHoldsNo(tmp, KUBE_TOKEN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void anInterruptedPromoteThroughACachedCloneLeavesNothingAndTheNextRunWorks(String signal,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path cache = dir.resolve("cache");
        Path served = Files.createDirectories(dir.resolve("served"));
        BareRemote.create(served.resolve("gitops.git"), "main");
        String pkg = Files.readString(SharedMaterial.examples().resolve("hello/package.yaml"));
        Files.writeString(work.resolve("package-1.0.0.yaml"), pkg.replace("20240318141801.0.0", "1.0.0"));
        Map<String, String> env = Map.of("GIT_USERNAME", USER, "GIT_TOKEN", TOKEN);
        try (GitHttpServer server = GitHttpServer.start(served, USER, TOKEN)) {
            StringBuilder stages = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                stages.append("- {name: s").append(i).append(", namespace: apps, serviceAccount: sa, values: "
                        + "{workload_name: hello}}\n");
            }
            Files.writeString(work.resolve("carvel-gitops.yaml"), "package: hello.default.tap\nrepository:\n  url: "
                    + server.url("gitops.git") + "\nstages:\n" + stages);
            Process render = start(work, tmp, env, List.of("render", "--package", "package-1.0.0.yaml", "--stage",
                    "s0", "--cache-dir", cache.toString()));
            assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(render.exitValue()).as(new String(render.getErrorStream().readAllBytes())).isZero();

            int interrupted = 0;
            String to = "s1";
            for (int delay = 400; delay <= 1400; delay += 500) {
                Process p = start(work, tmp, env, List.of("promote", "--to", to, "--cache-dir", cache.toString(),
                        "--debug"));
                Thread.sleep(delay); // the signal lands at a different point of each run
                if (p.isAlive()) {
                    kill(p, signal);
                    interrupted++;
                }
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                if (p.exitValue() == 0) {
                    to = "s" + (Integer.parseInt(to.substring(1)) + 1); // it finished first: promote further next
                }
                assertTempHoldsNo(tmp, TOKEN);
            }
            assertThat(interrupted).as("runs actually interrupted").isPositive();

            Process next = start(work, tmp, env, List.of("promote", "--to", to, "--cache-dir", cache.toString()));
            next.getInputStream().readAllBytes();
            String err = new String(next.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(next.exitValue()).as(err).isZero();
            assertTempHoldsNo(tmp, TOKEN);
            assertThat(SecretScan.filesContaining(cache, TOKEN)).isEmpty();
            try (Stream<Path> files = Files.walk(cache)) {
                assertThat(files.filter(f -> f.getFileName().toString().endsWith(".carvel-gitops-tmp")).toList())
                        .isEmpty();
            }
            try (Git git = Git.open(served.resolve("gitops.git").toFile())) {
                long promotions = 0;
                for (var c : git.log().call()) {
                    if (c.getFullMessage().contains(" to " + to)) {
                        promotions++;
                    }
                }
                assertThat(promotions).as("the promotion to %s landed once", to).isEqualTo(1);
            }
        }
    }

    private static void assertTempHoldsNo(Path tmp, String secret) throws Exception {
        assertThat(SecretScan.filesContaining(tmp, secret)).isEmpty();
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.contains("kubeconfig") || n.contains("credential") || n.contains("askpass")).toList())
                    .isEmpty();
        }
    }

    private static void kill(Process p, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    }

    private static Process start(Path work, Path tmp, Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp, "-jar", ProcessIT.jar().toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(Signals.withDefaultInterrupt(command)).directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        pb.environment().putAll(env);
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }
}
