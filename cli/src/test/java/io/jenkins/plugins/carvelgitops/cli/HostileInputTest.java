package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Command-line cases of hostile or mistyped input that are not a plain "render refuses the file". */
class HostileInputTest {

    static final String SECRET = "ghp_HostileInputCanary0000000000000000";

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void copyExample() throws Exception {
        config = HelloExample.copyTo(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--Token", "-t", "--token-fil"})
    void aMistypedSecretOptionIsNamedButItsValueNeverShown(String option) {
        CliRun run = CliRun.of("render", "--config", config, option, SECRET);
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("error: unknown option '" + option + "'").doesNotContain(SECRET);
        assertThat(run.out()).doesNotContain(SECRET);
    }

    @Test
    void anUnknownOptionWithItsValueAttachedShowsTheNameAlone() {
        CliRun equals = CliRun.of("render", "--config", config, "--Token=" + SECRET);
        assertThat(equals.err()).startsWith("error: unknown option '--Token'\n").doesNotContain(SECRET);
        CliRun clustered = CliRun.of("render", "--config", config, "-t" + SECRET);
        assertThat(clustered.err()).contains("'-t'").doesNotContain(SECRET);
        assertThat(clustered.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anEmptySetValueUnsetsTheKeySoItsDefaultApplies() throws Exception {
        CliRun run = CliRun.of("render", "--config", config, "--stage", "prod", "--set", "stages.prod.values.replicas=",
                "--set", "stages.prod.values.hostname=");
        assertThat(run.code()).as(run.all()).isZero();
        String params = Files.readString(dir.resolve("gitops-repo/hello.default.tap/prod/params.yaml"));
        assertThat(params).contains("workload_name: hello").doesNotContain("replicas", "hostname");
    }

    @Test
    void controlCharactersInArgumentsDoNotReachTheTerminal() {
        CliRun run = CliRun.of("render", "--config", config, "--stage", "\u001b[2J\u001b[Hprod\u009b31m");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("--stage").doesNotContain("\u001b", "\u009b");
    }

    /** A Package in the repository (anyone who can push wrote it) whose constraint clears the screen. */
    @Test
    void promoteErrorsQuotingTheRepositoryCarryNoTerminalEscapes() throws Exception {
        CliRun render = CliRun.of("render", "--config", config, "--stage", "staging");
        assertThat(render.code()).as(render.all()).isZero();
        Path repo = dir.resolve("gitops-repo");
        Path pkg = repo.resolve("hello.default.tap/packages/20240318141801.0.0.yaml");
        Files.writeString(pkg, Files.readString(pkg).replace("  valuesSchema:\n",
                "  kubernetesVersionSelection:\n    constraints: \"\\e[2J\\e[H>=1.24\"\n  valuesSchema:\n"));
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("hostile constraint").setAuthor("x", "x@example.com")
                    .setCommitter("x", "x@example.com").setSign(false).call();
        }
        CliRun promote = CliRun.of("promote", "--config", config, "--to", "prod");
        assertThat(promote.code()).as(promote.all()).isEqualTo(ExitCodes.INVALID);
        assertThat(promote.err()).contains("must be a semver range").doesNotContain("\u001b");
    }
}
