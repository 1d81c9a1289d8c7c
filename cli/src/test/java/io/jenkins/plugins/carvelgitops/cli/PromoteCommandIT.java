package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's flow through the command line: render, promote, render newer, promote, roll back. */
class PromoteCommandIT {

    static final String TOKEN = "glpat-CliT3stT0k3nNeverShown";

    @TempDir
    Path tmp;

    final List<CliRun> runs = new ArrayList<>();

    private CliRun cli(Map<String, String> env, String... args) {
        CliRun run = CliRun.run(env, args);
        runs.add(run);
        return run;
    }

    private void flow(BareRemote remote, String url, Map<String, String> env) throws Exception {
        Path config = Fixtures.config(tmp.resolve("app"), url);
        String cache = tmp.resolve("cache").toString();
        String[] common = {"--config", config.toString(), "--cache-dir", cache};

        CliRun render1 = cli(env, concat(new String[] {"render", "--package",
                Fixtures.packageFile(tmp, "1.0.0").toString()}, common));
        assertThat(render1.code()).as(render1.all()).isZero();
        assertThat(render1.out()).startsWith("rendered ").contains("committed ");

        CliRun toQa = cli(env, concat(new String[] {"promote", "--to", "qa"}, common));
        assertThat(toQa.out()).as(toQa.all()).startsWith("promoted hello.default.tap 1.0.0 from staging to qa "
                + "(new stage); committed ");
        CliRun toProd = cli(env, concat(new String[] {"promote", "--to", "prod", "--output", "json"}, common));
        assertThat(toProd.out()).as(toProd.all()).contains("\"from\" : \"qa\"").contains("\"changed\" : true");

        cli(env, concat(new String[] {"render", "--package", Fixtures.packageFile(tmp, "2.0.0").toString()}, common));
        CliRun upgrade = cli(env, concat(new String[] {"promote", "--from", "staging", "--to", "prod"}, common));
        assertThat(upgrade.out()).as(upgrade.all()).contains("from staging to prod (was 1.0.0); committed ");

        CliRun refused = cli(env, concat(new String[] {"promote", "--to", "prod", "--package-version", "1.0.0"},
                common));
        assertThat(refused.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(refused.err()).endsWith("\nerror: --to: prod: moving from 2.0.0 down to 1.0.0 is a rollback; pass "
                + "--allow-downgrade to roll back on purpose\n");

        CliRun rollback = cli(env, concat(new String[] {"promote", "--to", "prod", "--package-version", "1.0.0",
                "--allow-downgrade", "--output", "json"}, common));
        assertThat(rollback.code()).as(rollback.all()).isZero();
        assertThat(rollback.out()).contains("\"downgrade\" : true").contains("\"previous\" : \"2.0.0\"")
                .contains("\"commit\" : \"" + remote.head() + "\"");

        CliRun again = cli(env, concat(new String[] {"promote", "--to", "prod", "--version", "1.0.0",
                "--allow-downgrade"}, common));
        assertThat(again.out()).as(again.all()).startsWith("no change: prod already pins hello.default.tap 1.0.0");
        // the old spelling still works, and says what replaces it
        assertThat(again.err()).contains("warning: promote --version is deprecated and will be removed; use "
                + "--package-version 1.0.0");

        List<RevCommit> history = remote.linearHistory();
        assertThat(history).hasSize(6);
        assertThat(history.get(0).getShortMessage()).isEqualTo("Roll back hello.default.tap in prod to 1.0.0 "
                + "(from 2.0.0)");
    }

    @Test
    void overABareRemote() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        flow(remote, remote.fileUrl(), Map.of());
    }

    @Test
    void overHttpWithATokenFromTheEnvironment() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("served/gitops.git"), "main");
        try (GitHttpServer server = GitHttpServer.start(tmp.resolve("served"), "bot", TOKEN)) {
            flow(remote, server.url("gitops.git"), Map.of("GIT_USERNAME", "bot", "GIT_TOKEN", TOKEN));
        }
        for (CliRun run : runs) {
            assertThat(run.all()).doesNotContain(TOKEN);
        }
        assertThat(SecretScan.filesContaining(tmp.resolve("cache"), TOKEN)).isEmpty();
    }

    @Test
    void overHttpWithATokenFileAndWithAWrongToken() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("served/gitops.git"), "main");
        Path tokenFile = tmp.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        try (GitHttpServer server = GitHttpServer.start(tmp.resolve("served"), "bot", TOKEN)) {
            Path config = Fixtures.config(tmp.resolve("app"), server.url("gitops.git"));
            String pkg = Fixtures.packageFile(tmp, "1.0.0").toString();
            String cache = tmp.resolve("cache").toString();

            CliRun ok = cli(Map.of("GIT_USERNAME", "bot"), "render", "--config", config.toString(), "--package", pkg,
                    "--cache-dir", cache, "--token-file", tokenFile.toString());
            assertThat(ok.code()).as(ok.all()).isZero();
            assertThat(remote.head()).isNotNull();

            CliRun wrong = cli(Map.of("GIT_USERNAME", "bot", "GIT_TOKEN", "glpat-wrongwrongwrong"), "promote",
                    "--config", config.toString(), "--to", "qa", "--cache-dir", cache);
            assertThat(wrong.code()).isEqualTo(ExitCodes.GIT_OR_IO);
            assertThat(wrong.err()).contains("\nerror: authentication failed for " + server.url("gitops.git")
                    + " (user 'bot', token from GIT_TOKEN): check that the user name is right and the token is valid")
                    .doesNotContain("glpat-wrongwrongwrong");
        }
        for (CliRun run : runs) {
            assertThat(run.all()).doesNotContain(TOKEN);
        }
    }

    @Test
    void aTokenOnTheCommandLineIsRefusedWithoutEchoingIt() {
        CliRun run = cli(Map.of(), "promote", "--to", "prod", "--token", "glpat-OnTheCommandLine");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("set GIT_TOKEN or use --token-file FILE").doesNotContain("glpat-OnTheCommandLine");
    }

    @Test
    void aTokenWithoutAUserNameIsAClearError() throws Exception {
        Path config = Fixtures.config(tmp.resolve("app"), "https://git.example.invalid/gitops.git");
        CliRun run = cli(Map.of("GIT_TOKEN", TOKEN), "promote", "--config", config.toString(), "--to", "prod");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).endsWith("\nerror: GIT_USERNAME: is not set, but a token is given (GIT_TOKEN); set "
                + "GIT_USERNAME or --username to the account the token belongs to\n");
    }

    @Test
    void credentialsAreNotReadForALocalRepository() throws Exception {
        Path config = Fixtures.config(tmp.resolve("app"), "./gitops-repo");
        CliRun run = cli(Map.of("GIT_TOKEN", TOKEN), "render", "--config", config.toString(), "--package",
                Fixtures.packageFile(tmp, "1.0.0").toString());
        assertThat(run.code()).as(run.all()).isZero();
        CliRun promote = cli(Map.of("GIT_TOKEN", TOKEN), "promote", "--config", config.toString(), "--to", "qa");
        assertThat(promote.out()).as(promote.all()).startsWith("promoted hello.default.tap 1.0.0 from staging to qa");
    }

    @Test
    void renderRetainRemovesOldVersionsNobodyRuns() throws Exception {
        BareRemote remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        Path config = Fixtures.config(tmp.resolve("app"), remote.fileUrl());
        String cache = tmp.resolve("cache").toString();
        for (String v : List.of("1.0.0", "1.1.0", "1.2.0")) {
            cli(Map.of(), "render", "--config", config.toString(), "--cache-dir", cache, "--package",
                    Fixtures.packageFile(tmp, v).toString());
        }
        CliRun retain = cli(Map.of(), "render", "--config", config.toString(), "--cache-dir", cache, "--package",
                Fixtures.packageFile(tmp, "1.3.0").toString(), "--retain", "2", "--output", "json");
        assertThat(retain.code()).as(retain.all()).isZero();
        assertThat(retain.out()).contains("\"removedFiles\" : [ \"hello.default.tap/packages/1.0.0.yaml\", "
                + "\"hello.default.tap/packages/1.1.0.yaml\" ]");
        assertThat(remote.read(Fixtures.packagePath("1.2.0"))).isNotNull();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
