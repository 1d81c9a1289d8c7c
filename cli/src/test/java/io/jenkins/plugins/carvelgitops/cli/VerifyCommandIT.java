package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator.Format;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.testing.StatusRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code carvel-gitops verify} end to end: config, local GitOps repository, simulated clusters. */
class VerifyCommandIT {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A GitOps repository holding prod at {@code version}; returns the commit. */
    String gitops(String version) throws Exception {
        return StatusRepository.deliver(dir.resolve("gitops"), Map.of("prod", version), "deliver " + version, null);
    }

    Path config() throws Exception {
        Path config = dir.resolve("carvel-gitops.yaml");
        Files.writeString(config, """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """);
        return config;
    }

    Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void exitsZeroOnceTheHeadOfTheBranchIsLiveAndPrintsTheReport() throws Exception {
        String sha = gitops("1.2.3");
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, List.of("prod"), 1, false)) {
            d.flux.head(sha);
            d.deliver("prod", "1.2.3");
            Run r = run("verify", "--config", config().toString(), "--kubeconfig", write("build",
                    d.build.kubeconfig().content()).toString(), "--stage-kubeconfig", "prod=" + write("prod",
                            d.run("prod").kubeconfig().content()), "--timeout", "30s");
            assertThat(r.code()).as(r.err() + r.out()).isEqualTo(0);
            assertThat(r.out()).startsWith("ready after ").contains("revision " + Revisions.shortSha(sha)
                    + " is live on prod").containsPattern("PackageInstall apps/app +ReconcileSucceeded at 1.2.3 +ReconcileSucceeded 1.2.3 +ready");
            assertThat(r.err()).containsPattern("\\[\\d+\\.\\ds\\] prod: PackageInstall app reconciled 1.2.3");
            assertThat(r.out() + r.err()).doesNotContain("kubeconfig-secret-token");
        }
    }

    @Test
    void exitsFourOnAFailureAndFiveOnATimeoutWithJson() throws Exception {
        String sha = gitops("1.2.3");
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, List.of("prod"), 1, false)) {
            d.flux.head(sha);
            d.deliver("prod", "1.2.3");
            d.kapp("prod").failVersion("1.2.3", "kapp: Error: create deployment/app: forbidden");
            String[] args = {"verify", "--config", config().toString(), "--kubeconfig", write("build",
                    d.build.kubeconfig().content()).toString(), "--stage-kubeconfig", "prod=" + write("prod",
                            d.run("prod").kubeconfig().content()), "--timeout", "30s", "--revision", sha};
            Run failed = run(args);
            assertThat(failed.code()).as(failed.err()).isEqualTo(4);
            assertThat(failed.out()).contains("ReconcileFailed: kapp: Error: create deployment/app: forbidden");

            d.kapp("prod").selectInstead("1.2.3", "1.2.2");
            String newer = gitops("1.2.4");
            d.flux.head(newer);
            Run timedOut = run("verify", "--config", config().toString(), "--kubeconfig", dir.resolve("build")
                    .toString(), "--stage-kubeconfig", "prod=" + dir.resolve("prod"), "--timeout", "2s", "--output",
                    "json", "--stage", "prod");
            assertThat(timedOut.code()).as(timedOut.err()).isEqualTo(5);
            assertThat(timedOut.out()).contains("\"outcome\" : \"timedOut\"").contains("\"state\" : \"timedOut\"")
                    .contains("\"expected\" : \"ReconcileSucceeded at 1.2.4\"");
        }
    }

    @Test
    void anAbbreviatedRevisionIsTheOneCommitStartingWithIt() throws Exception {
        String sha = gitops("1.2.3");
        String newer = gitops("1.2.4");
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, List.of("prod"), 1, false)) {
            d.flux.head(newer);
            d.deliver("prod", "1.2.3");
            Run r = run("verify", "--config", config().toString(), "--kubeconfig", write("build",
                    d.build.kubeconfig().content()).toString(), "--stage-kubeconfig", "prod=" + write("prod",
                            d.run("prod").kubeconfig().content()), "--timeout", "30s", "--revision",
                    sha.substring(0, 7).toUpperCase(java.util.Locale.ROOT));
            assertThat(r.code()).as(r.err() + r.out()).isEqualTo(0);
            assertThat(r.out()).contains("revision " + sha.substring(0, 7) + " is live on prod");

            Run unknown = run("verify", "--config", config().toString(), "--kubeconfig", dir.resolve("build")
                    .toString(), "--stage-kubeconfig", "prod=" + dir.resolve("prod"), "--revision", "0000000");
            assertThat(unknown.code()).isEqualTo(1);
            assertThat(unknown.err()).startsWith("error: revision: 0000000: is not a commit of the GitOps "
                    + "repository").hasLineCount(1);
        }
    }

    @Test
    void badInputIsOneLineNamingTheOption() throws Exception {
        gitops("1.2.3");
        Run r = run("verify", "--config", config().toString(), "--kubeconfig", write("build", "x").toString(),
                "--timeout", "ten minutes");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: --timeout").contains("90s, 5m or 1h");
        Run s = run("verify", "--config", config().toString(), "--kubeconfig", dir.resolve("build").toString(),
                "--stage", "qa");
        assertThat(s.code()).isEqualTo(1);
        assertThat(s.err()).contains("qa").contains("is not a stage of");
    }

    /** A kubeconfig for a port nothing listens on: every connection is refused. */
    Path refusingKubeconfig(String name) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return write(name, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: 'https://127.0.0.1:%d', insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {token: refused-token}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                current-context: c
                """.formatted(port));
    }

    @Test
    void aClusterRefusingConnectionsExitsThreeNotFour() throws Exception {
        String sha = gitops("1.2.3");
        Run r = run("verify", "--config", config().toString(), "--kubeconfig", refusingKubeconfig("build").toString(),
                "--stage-kubeconfig", "prod=" + refusingKubeconfig("prod"), "--timeout", "20s", "--revision", sha);
        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(3);
        assertThat(r.out() + r.err()).doesNotContain("refused-token");
    }

    @Test
    void aMissingStageKubeconfigIsInvalidInputNamingTheCliOptions() throws Exception {
        gitops("1.2.3");
        Run r = run("verify", "--config", config().toString(), "--kubeconfig", refusingKubeconfig("build").toString(),
                "--timeout", "20s");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: --stage-kubeconfig").contains("--stage-kubeconfig prod=FILE")
                .contains("--kubeconfig-secrets").doesNotContain("stageKubeconfigs").doesNotContain("step");
    }
}
