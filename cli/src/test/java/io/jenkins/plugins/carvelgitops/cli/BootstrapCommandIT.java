package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BootstrapCommandIT {

    @TempDir
    Path dir;

    String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void appliesThenFindsNothingToChangeAndNeverPrintsSecrets() throws Exception {
        Path config = Files.writeString(dir.resolve("carvel-gitops.yaml"), """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1beta2, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """);
        Path token = Files.writeString(dir.resolve("token"), "git-token-that-must-not-leak\n");
        try (MockCluster build = MockCluster.start(); MockCluster prod = MockCluster.start()) {
            Path b = Files.writeString(dir.resolve("build"), build.kubeconfig().content());
            Path p = Files.writeString(dir.resolve("prod"), prod.kubeconfig().content());
            String[] first = run("bootstrap", "--config", config.toString(), "--kubeconfig", b.toString(),
                    "--stage-kubeconfig", "prod=" + p, "--username", "git", "--token-file", token.toString());
            assertThat(first[0]).as(first[2]).isEqualTo("0");
            assertThat(first[1]).isEqualTo("applied 9 objects (9 created or configured, 0 unchanged)\n");
            String[] second = run("bootstrap", "--config", config.toString(), "--kubeconfig", b.toString(),
                    "--stage-kubeconfig", "prod=" + p, "--username", "git", "--token-file", token.toString());
            assertThat(second[1]).isEqualTo("applied 9 objects (0 created or configured, 9 unchanged)\n");
            String[] dry = run("bootstrap", "--config", config.toString(), "--stage-kubeconfig", "prod=" + p,
                    "--username", "git", "--token-file", token.toString(), "--dry-run");
            assertThat(dry[0]).isEqualTo("0");
            assertThat(dry[1]).contains("kind: GitRepository").contains("password: <redacted>");
            for (String[] r : new String[][] {first, second, dry}) {
                assertThat(r[1] + r[2]).doesNotContain("git-token-that-must-not-leak")
                        .doesNotContain("kubeconfig-secret-token");
            }
        }
    }
}
