package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator.Format;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.testing.StatusRepository;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognisable kubeconfig tokens, a Git token and a secret value go through bootstrap, verify and
 * promote --require-live (the packaged CLI, as a process, with --debug), on success and failure paths.
 * Afterwards they are nowhere: not in stdout or stderr, not in a file the tool wrote, not in the Git
 * history, not in the temp folder, and in no object sent to a cluster except the Secrets whose job is to
 * hold them (which do).
 */
class KubeCanaryIT {

    static final String BUILD_TOKEN = "cgCANARY-kube-build-5e2a91";
    static final String RUN_TOKEN = "cgCANARY-kube-run-77c3d0";
    static final String GIT_TOKEN = "cgCANARY-git-4b1f08";
    static final String SECRET = "cgCANARY-value-a9d6e3";
    static final List<String> CANARIES = List.of(BUILD_TOKEN, RUN_TOKEN, GIT_TOKEN, SECRET);
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(List<String> args, int code, String out, String err) {
    }

    @TempDir
    Path dir;

    Path tmp;
    Path work;
    Path inputs;
    final List<Run> runs = new ArrayList<>();

    @Test
    void kubeconfigsGitTokenAndSecretValuesAppearOnlyInTheirSecrets() throws Exception {
        tmp = Files.createDirectories(dir.resolve("tmp"));
        work = Files.createDirectories(dir.resolve("work"));
        inputs = Files.createDirectories(dir.resolve("inputs"));
        Path config = Files.writeString(work.resolve("carvel-gitops.yaml"), """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer, secretValues: [db_password]}
                """);
        Path secretFile = Files.writeString(inputs.resolve("prod-secret.yaml"), "db_password: " + SECRET + "\n");
        Path tokenFile = Files.writeString(inputs.resolve("git-token"), GIT_TOKEN + "\n");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path unreachable = kubeconfig("unreachable", closed, RUN_TOKEN);

        // bootstrap: success, idempotent rerun, dry run, bad input, unreachable cluster
        List<MockCluster> bootstrapped = new ArrayList<>();
        try (MockCluster build = MockCluster.start(); MockCluster prod = MockCluster.start()) {
            Path b = kubeconfig("bootstrap-build", build.port(), BUILD_TOKEN);
            Path p = kubeconfig("bootstrap-prod", prod.port(), RUN_TOKEN);
            String[] base = {"bootstrap", "--config", config.toString(), "--kubeconfig", b.toString(),
                "--stage-kubeconfig", "prod=" + p, "--username", "bot", "--token-file", tokenFile.toString(), "--debug"};
            expect(0, Map.of(), concat(base, "--secret-values", "prod=" + secretFile));
            expect(0, Map.of("CARVEL_GITOPS_SECRET_VALUES_PROD", "db_password: " + SECRET), concat(base, "--output",
                    "json"));
            expect(0, Map.of("GIT_USERNAME", "bot", "GIT_TOKEN", GIT_TOKEN), "bootstrap", "--config", config.toString(), "--stage-kubeconfig",
                    "prod=" + p, "--secret-values", "prod=" + secretFile, "--dry-run", "--debug");
            expect(1, Map.of("CARVEL_GITOPS_SECRET_VALUES_PROD", "db_password: " + SECRET + "\nextra: " + SECRET),
                    base);
            expect(1, Map.of("CARVEL_GITOPS_SECRET_VALUES_PROD", "db_password: [" + SECRET), base);
            expect(3, Map.of(), "bootstrap", "--config", config.toString(), "--kubeconfig", unreachable.toString(),
                    "--secret-values", "prod=" + secretFile, "--debug");

            assertHeldOnlyBy(build, Map.of("Secret app.default.tap-gitops-auth", List.of(GIT_TOKEN),
                    "Secret prod-kubeconfig", List.of(RUN_TOKEN)));
            assertHeldOnlyBy(prod, Map.of("Secret app-secret-values", List.of(SECRET)));
            bootstrapped.add(build);
        }
        assertThat(bootstrapped).hasSize(1);

        // verify: ready, failed, timed out, unreachable run cluster
        String sha = gitops(work.resolve("gitops"), "1.2.3");
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, List.of("prod"), 1, false)) {
            d.flux.head(sha);
            d.deliver("prod", "1.2.3");
            Path b = kubeconfig("verify-build", d.build.port(), BUILD_TOKEN);
            Path p = kubeconfig("verify-prod", d.run("prod").port(), RUN_TOKEN);
            String[] base = {"verify", "--config", config.toString(), "--kubeconfig", b.toString(), "--debug"};
            expect(0, Map.of(), concat(base, "--stage-kubeconfig", "prod=" + p, "--timeout", "30s"));
            // an unreachable cluster is a cluster failure (3), not a controller's (4)
            expect(3, Map.of(), concat(base, "--stage-kubeconfig", "prod=" + unreachable, "--timeout", "30s"));
            d.kapp("prod").selectInstead("1.2.4", "1.2.3");
            d.deliver("prod", "1.2.4");
            String newer = gitops(work.resolve("gitops"), "1.2.4");
            d.flux.head(newer);
            expect(5, Map.of(), concat(base, "--stage-kubeconfig", "prod=" + p, "--timeout", "2s", "--output",
                    "json"));
            d.kapp("prod").failVersion("1.2.5", "kapp: Error: forbidden");
            d.deliver("prod", "1.2.5");
            d.flux.head(gitops(work.resolve("gitops"), "1.2.5"));
            expect(4, Map.of(), concat(base, "--stage-kubeconfig", "prod=" + p, "--timeout", "30s"));
            assertHeldOnlyBy(d.build, Map.of());
            assertHeldOnlyBy(d.run("prod"), Map.of());
        }

        // promote --require-live: refused, then promoted
        Path app = Files.createDirectories(work.resolve("app"));
        Path promoteConfig = Fixtures.config(app, "./gitops-repo");
        expect(0, Map.of(), "render", "--config", promoteConfig.toString(), "--package",
                Fixtures.packageFile(inputs, "1.0.0").toString(), "--debug");
        try (MockCluster staging = MockCluster.start()) {
            Path s = kubeconfig("staging", staging.port(), RUN_TOKEN);
            staging.put(PromoteRequireLiveIT.pkgi("0.9.0", "ReconcileSucceeded"));
            String[] promote = {"promote", "--config", promoteConfig.toString(), "--to", "qa", "--require-live",
                "--stage-kubeconfig", "staging=" + s, "--debug"};
            expect(4, Map.of(), promote);
            staging.patchStatus(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", "apps", "hello", Map.of("version",
                    "1.0.0", "lastAttemptedVersion", "1.0.0"));
            expect(0, Map.of(), promote);
            expect(3, Map.of(), "promote", "--config", promoteConfig.toString(), "--to", "prod", "--require-live",
                    "--stage-kubeconfig", "qa=" + unreachable, "--debug");
            assertHeldOnlyBy(staging, Map.of());
        }

        for (Run r : runs) {
            for (String canary : CANARIES) {
                assertThat(r.out()).as("stdout of %s", r.args()).doesNotContain(canary);
                assertThat(r.err()).as("stderr of %s", r.args()).doesNotContain(canary);
            }
        }
        assertThat(runs.stream().filter(r -> r.args().contains("--debug") && r.code() != 0))
                .as("failure paths with --debug").hasSizeGreaterThanOrEqualTo(6);
        for (String canary : CANARIES) {
            assertThat(SecretScan.filesContaining(work, canary)).as(canary).isEmpty();
            assertThat(SecretScan.filesContaining(tmp, canary)).as(canary).isEmpty();
            assertThat(CanaryIT.historyContains(work.resolve("gitops/.git"), canary)).isFalse();
            assertThat(CanaryIT.historyContains(app.resolve("gitops-repo/.git"), canary)).isFalse();
        }
        assertThat(CanaryIT.historyContains(app.resolve("gitops-repo/.git"), "1.0.0")).as("the scan sees history")
                .isTrue();
        assertThat(SecretScan.filesContaining(inputs, SECRET)).as("the scan sees files").isNotEmpty();
    }

    /**
     * Every object the tool sent to {@code cluster}, Secret data decoded: a canary is only in the objects
     * named in {@code holders} ({@code Kind name}), and each of those holds its canaries.
     */
    private static void assertHeldOnlyBy(MockCluster cluster, Map<String, List<String>> holders) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        for (MockCluster.Write w : cluster.writes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(w.body(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> md = (Map<String, Object>) body.getOrDefault("metadata", Map.of());
            String name = body.get("kind") + " " + md.get("name");
            StringBuilder text = new StringBuilder(w.path()).append('\n').append(w.body());
            if (body.get("data") instanceof Map<?, ?> data) {
                data.values().forEach(v -> text.append('\n').append(new String(Base64.getDecoder().decode(
                        String.valueOf(v)), StandardCharsets.UTF_8)));
            }
            seen.merge(name, text.toString(), (a, b) -> a + "\n" + b);
        }
        for (String request : cluster.requests()) {
            for (String canary : CANARIES) {
                assertThat(request).doesNotContain(canary);
            }
        }
        seen.forEach((name, text) -> {
            List<String> allowed = holders.getOrDefault(name, List.of());
            for (String canary : CANARIES) {
                if (allowed.contains(canary)) {
                    assertThat(text).as("%s holds its secret", name).contains(canary);
                } else {
                    assertThat(text).as("%s must not hold a secret", name).doesNotContain(canary);
                }
            }
        });
        assertThat(seen.keySet()).containsAll(holders.keySet());
    }

    private Path kubeconfig(String name, int port, String token) throws Exception {
        return Files.writeString(inputs.resolve(name + ".kubeconfig"), MockCluster.kubeconfigFor(port)
                .replace("kubeconfig-secret-token-" + port, token));
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private void expect(int code, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp, "-jar", ProcessIT.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("CARVEL_GITOPS_"));
        pb.environment().putAll(env);
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Run run = new Run(List.of(args), p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
        runs.add(run);
        assertThat(run.code()).as("%s\n%s", run.args(), run.err()).isEqualTo(code);
    }

    /** A local GitOps repository holding prod at {@code version}; returns the commit. */
    static String gitops(Path repo, String version) throws Exception {
        return StatusRepository.deliver(repo, Map.of("prod", version), "deliver " + version, null);
    }
}
