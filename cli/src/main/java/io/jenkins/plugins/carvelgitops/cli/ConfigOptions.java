package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The config file, overrides and debug: what every command takes. Most take them as {@link CommonOptions},
 * with {@code --output text|json}; a command with other formats declares its own {@code --output}.
 */
class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "carvel-gitops.yaml",
            description = "The config file (default: ${DEFAULT-VALUE}).")
    Path config;

    // one example per line: a wrapped line would break inside a key
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"Override a config key (repeatable), e.g.", "  repository.url=/tmp/gitops",
                    "  stages.prod.values.replicas=3"})
    List<String> overrides = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    ConfigOverrides configOverrides() {
        return ConfigOverrides.parse(overrides);
    }
}
