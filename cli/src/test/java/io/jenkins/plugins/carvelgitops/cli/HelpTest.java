package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every command answers --help with its usage and exit 0, whatever options it requires. */
class HelpTest {

    @Test
    void everyCommandHasHelp() {
        var subcommands = Main.commandLine().getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        assertThat(subcommands).contains("render", "promote");
        for (String name : subcommands) {
            CliRun run = CliRun.of(name, "--help");
            assertThat(run.code()).as(name + ": " + run.err()).isZero();
            assertThat(run.out()).as(name).startsWith("Usage: carvel-gitops " + name);
        }
        assertThat(CliRun.of("--help").out()).contains("render", "promote");
    }
}
