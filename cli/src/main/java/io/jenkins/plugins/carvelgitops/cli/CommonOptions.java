package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes: the config file, overrides, output format and debug. */
final class CommonOptions {

    enum Output { text, json }

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "carvel-gitops.yaml",
            description = "The config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key, e.g. repository.url=/tmp/gitops or stages.prod.values.replicas=3.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    ConfigOverrides configOverrides() {
        return ConfigOverrides.parse(overrides);
    }
}
