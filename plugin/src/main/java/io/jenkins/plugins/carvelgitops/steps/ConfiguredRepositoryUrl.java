package io.jenkins.plugins.carvelgitops.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * The GitOps repository URL the config file names (after defaults and overrides), read where the
 * workspace is, so that the Git credential's domain is matched against the URL the step will push to.
 * A config that does not load fails the step here, with the same one-line message the work would give.
 */
final class ConfiguredRepositoryUrl extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final ConfigInputs inputs;

    private ConfiguredRepositoryUrl(ConfigInputs inputs) {
        this.inputs = inputs;
    }

    /** The repository URL of the config {@code inputs} describe, in {@code workspace}. */
    static String of(FilePath workspace, ConfigInputs inputs) throws IOException, InterruptedException {
        return workspace.act(new ConfiguredRepositoryUrl(inputs));
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException {
        Path config = inputs.resolve(workspace.toPath());
        try {
            return ConfigLoader.load(config, inputs.config(), inputs.toEngine(config)).repository().url();
        } catch (ValidationException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
