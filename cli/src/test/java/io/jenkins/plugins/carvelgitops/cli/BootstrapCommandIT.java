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

    @Test
    void secretValuesFromAFileOrTheEnvironmentLandInTheirSecretAndNowhereElse() throws Exception {
        Path config = Files.writeString(dir.resolve("carvel-gitops.yaml"), """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: prod-eu, namespace: apps, serviceAccount: app-installer, secretValues: [db_password]}
                """);
        String secret = "db-password-that-must-not-leak";
        Path file = Files.writeString(dir.resolve("prod-eu.yaml"), "db_password: " + secret + "\n");
        try (MockCluster build = MockCluster.start(); MockCluster prod = MockCluster.start()) {
            Path b = Files.writeString(dir.resolve("build"), build.kubeconfig().content());
            Path p = Files.writeString(dir.resolve("prod"), prod.kubeconfig().content());
            CliRun fromFile = CliRun.run(java.util.Map.of(), "bootstrap", "--config", config.toString(), "--kubeconfig",
                    b.toString(), "--stage-kubeconfig", "prod-eu=" + p, "--secret-values", "prod-eu=" + file);
            assertThat(fromFile.code()).as(fromFile.all()).isZero();
            assertThat(prod.get("v1", "Secret", "apps", "app-secret-values").getAdditionalProperties()
                    .get("stringData")).isEqualTo(java.util.Map.of("values.yaml", "db_password: " + secret + "\n"));

            java.util.Map<String, String> env = java.util.Map.of("CARVEL_GITOPS_SECRET_VALUES_PROD_EU",
                    "db_password: " + secret + "-2");
            CliRun fromEnv = CliRun.run(env, "bootstrap", "--config", config.toString(), "--kubeconfig", b.toString(),
                    "--stage-kubeconfig", "prod-eu=" + p, "--output", "json");
            assertThat(fromEnv.code()).as(fromEnv.all()).isZero();
            assertThat(fromEnv.out()).containsPattern("\"object\" : \"Secret/apps/app-secret-values\",\\s+\"result\" : "
                    + "\"configured\"");
            CliRun dry = CliRun.run(env, "bootstrap", "--config", config.toString(), "--stage-kubeconfig",
                    "prod-eu=" + p, "--dry-run");
            assertThat(dry.out()).contains("name: app-secret-values").contains("values.yaml: <redacted>");

            CliRun missing = CliRun.run(java.util.Map.of(), "bootstrap", "--config", config.toString(),
                    "--kubeconfig", b.toString(), "--stage-kubeconfig", "prod-eu=" + p);
            assertThat(missing.code()).isEqualTo(ExitCodes.INVALID);
            assertThat(missing.err()).isEqualTo("error: " + config + ": stages[prod-eu].secretValues: no values "
                    + "given for db_password; supply them at run time for stage prod-eu: --secret-values STAGE=FILE "
                    + "(or $CARVEL_GITOPS_SECRET_VALUES_<STAGE>: the stage in upper case, other characters as _)\n");
            CliRun undeclared = CliRun.run(java.util.Map.of("CARVEL_GITOPS_SECRET_VALUES_PROD_EU", "db_password: "
                    + secret + "\ntoken: " + secret), "bootstrap", "--config", config.toString(), "--kubeconfig",
                    b.toString(), "--stage-kubeconfig", "prod-eu=" + p);
            assertThat(undeclared.err()).isEqualTo("error: $CARVEL_GITOPS_SECRET_VALUES_PROD_EU: token: is not "
                    + "declared in stages[prod-eu].secretValues; declare it in " + config + " or remove it\n");
            for (CliRun r : java.util.List.of(fromFile, fromEnv, dry, missing, undeclared)) {
                assertThat(r.all()).doesNotContain(secret);
            }
            assertThat(build.writes()).noneMatch(w -> w.body().contains(secret));
        }
    }
}
