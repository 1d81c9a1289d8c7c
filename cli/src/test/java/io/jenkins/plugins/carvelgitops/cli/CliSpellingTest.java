package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The engine names parameters neutrally; the command line reads them as its own options. */
class CliSpellingTest {

    @TempDir
    Path dir;

    @Test
    void aPromotionProblemReadsAsTheOption() throws Exception {
        Path example = SharedMaterial.examples().resolve("hello");
        Files.copy(example.resolve("carvel-gitops.yaml"), dir.resolve("carvel-gitops.yaml"));
        String config = dir.resolve("carvel-gitops.yaml").toString();

        CliRun unknown = CliRun.of("promote", "--config", config, "--to", "nope");
        assertThat(unknown.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(unknown.err()).isEqualTo("error: --to: nope: is not a stage of " + config
                + "; use one of: staging, prod\n");

        CliRun first = CliRun.of("promote", "--config", config, "--to", "staging");
        assertThat(first.err()).isEqualTo("error: --to: staging: is the first stage, so no stage comes before it; "
                + "pass --from STAGE or --package-version VERSION\n");
    }

    @Test
    void everyParameterIsSpelledAsAnOptionTheCommandLineHas() {
        Set<String> options = new HashSet<>();
        collect(Main.commandLine(), options);
        for (Parameter p : Parameter.values()) {
            String label = CliSpelling.INSTANCE.label(p);
            String option = label.startsWith("--") ? label : label.replaceAll(".*(--[a-z-]+).*", "$1");
            assertThat(options).as(p + " spelled " + label).contains(option);
        }
    }

    private static void collect(CommandLine cli, Set<String> options) {
        cli.getCommandSpec().options().forEach(o -> options.addAll(java.util.List.of(o.names())));
        cli.getSubcommands().values().forEach(sub -> collect(sub, options));
    }
}
