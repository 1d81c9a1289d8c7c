package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command line in this field has: completion, a real --version, comma lists, init, tidy help. */
class CommandLineBasicsTest {

    @TempDir
    Path dir;

    @Test
    void completionPrintsABashAndZshScriptForEveryCommand() {
        CliRun run = CliRun.of("completion");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("complete -F _complete_carvel-gitops", "bashcompinit")
                .contains("render", "promote", "verify", "status", "init", "--keep-version", "--package-version");
    }

    @Test
    void versionIsTheBuildsVersionAndCommit() {
        CliRun run = CliRun.of("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).doesNotContain("development build", "${")
                .matches("carvel-gitops \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [^)]+\\)\n");
        boolean checkout = Files.exists(SharedMaterial.examples().toAbsolutePath().getParent().resolve(".git"));
        if (checkout) {
            assertThat(run.out()).containsPattern("\\(commit [0-9a-f]{12}");
        }
    }

    @Test
    void initWritesAStartingConfigWithTheRequiredValuesAndNeverOverwrites() throws Exception {
        Path pkg = Files.copy(SharedMaterial.examples().resolve("hello/package.yaml"), dir.resolve("package.yaml"));
        Path config = dir.resolve("carvel-gitops.yaml");
        CliRun run = CliRun.of("init", "--package", pkg.toString(), "--stage", "staging", "--stage", "prod",
                "--config", config.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("wrote " + config);
        String text = Files.readString(config);
        assertThat(text).contains("package: hello.default.tap\n", "packageFile: package.yaml\n", "- name: staging\n",
                "- name: prod\n").contains("workload_name: <workload_name>");
        // it parses as YAML, and the config check refuses the placeholders until they are replaced
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(config, config.toString(),
                ConfigOverrides.NONE)).isInstanceOf(ValidationException.class).hasMessageContaining("namespace");

        String before = Files.readString(config);
        CliRun again = CliRun.of("init", "--package", pkg.toString(), "--stage", "qa", "--config", config.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readString(config)).isEqualTo(before);
    }

    @Test
    void stageTakesACommaList() throws Exception {
        Path example = SharedMaterial.examples().resolve("hello");
        Files.copy(example.resolve("carvel-gitops.yaml"), dir.resolve("carvel-gitops.yaml"));
        Files.copy(example.resolve("package.yaml"), dir.resolve("package.yaml"));
        CliRun run = CliRun.of("render", "--config", dir.resolve("carvel-gitops.yaml").toString(), "--stage",
                "staging,prod");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("rendered 8 files for hello.default.tap 20240318141801.0.0 \u2192 staging, prod");
    }

    @Test
    void readOnlyCommandsDoNotOfferPushAttemptsAndHelpLinesKeepKeysWhole() {
        for (String command : new String[] {"status", "verify", "bootstrap"}) {
            assertThat(CliRun.of(command, "--help").out()).as(command).doesNotContain("--push-attempts");
        }
        for (String command : new String[] {"render", "promote"}) {
            assertThat(CliRun.of(command, "--help").out()).as(command).contains("--push-attempts");
        }
        for (String command : new String[] {"render", "promote", "status", "verify", "bootstrap"}) {
            String help = CliRun.of(command, "--help").out();
            assertThat(help.lines().filter(l -> l.matches(".*\\b(repository|stages|flux)\\.$")
                    || l.matches("^\\s*(url|branch)\\b.*") && !l.contains("--"))).as(command).isEmpty();
            assertThat(help).as(command).doesNotContain("--version VERSION");
        }
        assertThat(CliRun.of("promote", "--help").out()).contains("--package-version=VERSION");
    }
}
