package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;
    String config;

    @BeforeEach
    void copyExample() throws Exception {
        config = HelloExample.copyTo(dir);
    }

    @Test
    void rendersCommitsAndSaysSoInOneLine() {
        CliRun run = CliRun.of("render", "--config", config, "--stage", "staging", "--stage", "prod");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).matches("rendered 8 files for hello\\.default\\.tap 20240318141801\\.0\\.0 \u2192 "
                + "staging, prod; committed [0-9a-f]{7}\n");
        assertThat(run.err()).contains("creating a Git repository in ");
        assertThat(dir.resolve("gitops-repo/hello.default.tap/prod/packageinstall.yaml")).exists();

        CliRun again = CliRun.of("render", "--config", config, "--stage", "staging", "--stage", "prod");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("; no change (head ");
    }

    @Test
    void jsonOutputIsADocumentForPipelines() throws Exception {
        CliRun run = CliRun.of("render", "--config", config, "--output", "json");
        assertThat(run.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("package").asText()).isEqualTo("hello.default.tap");
        assertThat(doc.get("version").asText()).isEqualTo("20240318141801.0.0");
        assertThat(doc.get("stages").toString()).isEqualTo("[\"staging\"]");
        assertThat(doc.get("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(doc.get("changed").asBoolean()).isTrue();
        assertThat(doc.get("changedFiles")).hasSize(5);
    }

    @Test
    void dryRunPrintsADiffAndWritesNothing() {
        CliRun run = CliRun.of("render", "--config", config, "--dry-run");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("+++ b/hello.default.tap/staging/params.yaml")
                .endsWith("dry run: 5 of 5 files would change for hello.default.tap 20240318141801.0.0 \u2192 staging; "
                        + "nothing written\n");
        assertThat(dir.resolve("gitops-repo")).doesNotExist();
    }

    @Test
    void dryRunJsonSaysWhatWouldChangeAndExitCodeReportsDrift() throws Exception {
        CliRun drift = CliRun.of("render", "--config", config, "--dry-run", "--exit-code", "--output", "json");
        assertThat(drift.code()).as(drift.err()).isEqualTo(ExitCodes.WOULD_CHANGE).isEqualTo(6);
        JsonNode doc = new ObjectMapper().readTree(drift.out());
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("changed").asBoolean()).as("changed means would change under --dry-run").isTrue();
        assertThat(doc.get("changedFiles")).hasSize(5);
        assertThat(dir.resolve("gitops-repo")).doesNotExist();

        assertThat(CliRun.of("render", "--config", config).code()).isZero();
        CliRun clean = CliRun.of("render", "--config", config, "--dry-run", "--exit-code", "--output", "json");
        assertThat(clean.code()).isZero();
        assertThat(new ObjectMapper().readTree(clean.out()).get("changed").asBoolean()).isFalse();
        assertThat(CliRun.of("render", "--config", config, "--dry-run").code()).as("no --exit-code").isZero();

        CliRun oneValue = CliRun.of("render", "--config", config, "--dry-run", "--exit-code", "--set",
                "stages.staging.values.replicas=3");
        assertThat(oneValue.code()).isEqualTo(6);
        assertThat(oneValue.out()).contains("dry run: 1 of 5 files would change");

        CliRun withoutDryRun = CliRun.of("render", "--config", config, "--exit-code");
        assertThat(withoutDryRun.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(withoutDryRun.err()).startsWith("error: --exit-code").contains("--dry-run");
    }

    /** The example Package at another (lower) version, as a second Package file. */
    String olderPackage() throws Exception {
        Path older = dir.resolve("older.yaml");
        Files.writeString(older, Files.readString(dir.resolve("package.yaml")).replace("20240318141801.0.0",
                "20230101000000.0.0"));
        return older.toString();
    }

    @Test
    void renderRefusesADowngradeUnlessAllowedAndThenAnnotatesIt() throws Exception {
        assertThat(CliRun.of("render", "--config", config, "--stage", "prod").code()).isZero();
        Path pkgi = dir.resolve("gitops-repo/hello.default.tap/prod/packageinstall.yaml");
        String before = Files.readString(pkgi);

        CliRun refused = CliRun.of("render", "--config", config, "--stage", "prod", "--package", olderPackage());
        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.INVALID);
        assertThat(refused.err()).contains("error: --stage: prod: pins 20240318141801.0.0")
                .contains("--allow-downgrade");
        assertThat(Files.readString(pkgi)).isEqualTo(before);
        assertThat(dir.resolve("gitops-repo/hello.default.tap/packages/20230101000000.0.0.yaml")).doesNotExist();

        CliRun allowed = CliRun.of("render", "--config", config, "--stage", "prod", "--package", olderPackage(),
                "--allow-downgrade");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("prod moves down from 20240318141801.0.0 to 20230101000000.0.0");
        assertThat(Files.readString(pkgi)).contains("packaging.carvel.dev/downgradable: ''")
                .contains("constraints: 20230101000000.0.0");

        // re-rendering the stage at the version it now runs keeps the annotation; a higher version drops it
        CliRun kept = CliRun.of("render", "--config", config, "--stage", "prod", "--keep-version", "--set",
                "stages.prod.values.replicas=4");
        assertThat(kept.code()).as(kept.err()).isZero();
        assertThat(Files.readString(pkgi)).contains("packaging.carvel.dev/downgradable").contains("20230101000000.0.0");
        assertThat(CliRun.of("render", "--config", config, "--stage", "prod").code()).isZero();
        assertThat(Files.readString(pkgi)).doesNotContain("downgradable").contains("20240318141801.0.0");
    }

    @Test
    void keepVersionChangesValuesWithoutAPackageFile() throws Exception {
        assertThat(CliRun.of("render", "--config", config, "--stage", "staging", "--stage", "prod").code()).isZero();
        assertThat(CliRun.of("render", "--config", config, "--stage", "prod", "--package", olderPackage(),
                "--allow-downgrade").code()).isZero();
        String older = olderPackage();
        Files.delete(dir.resolve("package.yaml"));
        CliRun run = CliRun.of("render", "--config", config, "--stage", "prod", "--keep-version", "--set",
                "stages.prod.values.replicas=5");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("hello.default.tap 20230101000000.0.0 \u2192 prod; committed ");
        assertThat(Files.readString(dir.resolve("gitops-repo/hello.default.tap/prod/params.yaml")))
                .contains("replicas: 5");
        assertThat(Files.readString(dir.resolve("gitops-repo/hello.default.tap/prod/packageinstall.yaml")))
                .contains("constraints: 20230101000000.0.0");

        CliRun mixed = CliRun.of("render", "--config", config, "--stage", "staging", "--stage", "prod",
                "--keep-version");
        assertThat(mixed.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(mixed.err()).contains("staging 20240318141801.0.0, prod 20230101000000.0.0");

        CliRun both = CliRun.of("render", "--config", config, "--keep-version", "--package", older);
        assertThat(both.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(both.err()).startsWith("error: --keep-version");
    }

    @Test
    void keepVersionOfAStageNeverRenderedSaysHowAndWritesNothing() {
        CliRun run = CliRun.of("render", "--config", config, "--stage", "prod", "--keep-version");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("hello.default.tap/prod/packageinstall.yaml").contains("pins no version to keep");
        assertThat(dir.resolve("gitops-repo")).doesNotExist();
    }

    @Test
    void invalidInputExitsOneWithOneLinePerProblemAndNoStackTrace() {
        CliRun run = CliRun.of("render", "--config", config, "--set", "stages.staging.values.replicas=lots",
                "--set", "flux.interval=often");
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err().lines()).containsExactly(
                "error: --set flux.interval: 'often' is not a duration; write it like 30s, 5m or 1h");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("gitops-repo")).doesNotExist();

        CliRun values = CliRun.of("render", "--config", config, "--set", "stages.staging.values.replicas=lots");
        assertThat(values.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(values.err()).contains("error: --set stages.staging.values.replicas: string found, integer expected")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void missingFilesAreInvalidInput() {
        CliRun run = CliRun.of("render", "--config", dir.resolve("absent.yaml").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).isEqualTo("error: " + dir.resolve("absent.yaml") + ": file not found; check the path\n");
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun run = CliRun.of("render", "--config", config, "--output", "xml");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("error: Invalid value for option '--output'").contains("usage: carvel-gitops render --help");
        assertThat(CliRun.of("render", "--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void gitFailuresExitThreeAndDebugShowsTheTrace() throws Exception {
        Files.createDirectories(dir.resolve("gitops-repo"));
        Files.writeString(dir.resolve("gitops-repo/keep.txt"), "not a repository");
        CliRun run = CliRun.of("render", "--config", config);
        assertThat(run.code()).isEqualTo(ExitCodes.GIT_OR_IO);
        assertThat(run.err()).contains("exists and is not a Git repository").doesNotContain("\tat ");
        CliRun debug = CliRun.of("render", "--config", config, "--debug");
        assertThat(debug.code()).isEqualTo(ExitCodes.GIT_OR_IO);
        assertThat(debug.err()).contains("\tat ");
    }
}
