package io.jenkins.plugins.carvelgitops.cli;

import picocli.CommandLine.Option;

/** Options every command takes: the config file, overrides and debug ({@link ConfigOptions}), and the output format. */
final class CommonOptions extends ConfigOptions {

    enum Output { text, json }

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Output output;
}
