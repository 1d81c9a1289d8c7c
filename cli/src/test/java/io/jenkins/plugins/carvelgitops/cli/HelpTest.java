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

    @Test
    void aRunModelsOnlyTheCommandItNamesAndListsEveryCommandAsBefore() {
        var env = java.util.Map.<String, String>of();
        assertThat(Main.commandLine(env, "--help").getUsageMessage()).isEqualTo(Main.commandLine(env).getUsageMessage());

        var render = Main.commandLine(env, "render", "--stage", "prod").getSubcommands();
        assertThat(render.get("render").getCommandSpec().options()).isNotEmpty();
        assertThat(render.get("promote").getCommandSpec().options()).isEmpty();
        assertThat(Main.commandLine(env, "help", "promote").getSubcommands().get("promote").getCommandSpec().options())
                .isNotEmpty();
        assertThat(Main.commandLine(env, "completion").getSubcommands().get("verify").getCommandSpec().options())
                .as("completion lists every option of every command").isNotEmpty();
    }
}
