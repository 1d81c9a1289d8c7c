package io.jenkins.plugins.carvelgitops.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.credentials.CredentialLookup;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteService;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * The controller side of {@code requireLive}: the kubeconfig of the promotion's source stage, from that
 * stage's kubeconfig credential in the global configuration, looked up (and tracked) for the build. Only
 * that one stage's credential is resolved, so a promotion neither reads nor records any other. Nothing
 * is decided here: a missing credential or source stage is left to the engine, which names it.
 */
final class LiveKubeconfigs {

    private LiveKubeconfigs() {
    }

    /** Stage name to kubeconfig content: the source stage's when it has a credential, else empty. */
    static LinkedHashMap<String, String> resolve(PromoteSettings s, ConfigInputs inputs, Run<?, ?> run,
            FilePath workspace) throws IOException, InterruptedException {
        LinkedHashMap<String, String> kubeconfigs = new LinkedHashMap<>();
        if (!s.isRequireLive() || s.getVersion() != null) {
            return kubeconfigs;
        }
        String stage = s.getFrom() != null ? s.getFrom() : workspace.act(new SourceStage(inputs, s.getTo()));
        String id = stage == null ? null : CarvelGitopsGlobalConfiguration.get().stageKubeconfig(stage);
        if (id != null) {
            kubeconfigs.put(stage, CredentialLookup.kubeconfig(run, id));
        }
        return kubeconfigs;
    }

    /** The stage a promotion to {@code to} reads its version from, as the engine chooses it; null if none. */
    private static final class SourceStage extends MasterToSlaveFileCallable<String> {

        private static final long serialVersionUID = 1L;

        private final ConfigInputs inputs;
        private final String to;

        SourceStage(ConfigInputs inputs, String to) {
            this.inputs = inputs;
            this.to = to;
        }

        @Override
        public String invoke(File workspace, VirtualChannel channel) {
            Path config = inputs.resolve(workspace.toPath());
            try {
                GitopsConfig c = ConfigLoader.load(config, inputs.config(), inputs.toEngine(config));
                return PromoteService.sourceStage(c, PromoteJob.builder(config).to(to).build());
            } catch (ValidationException e) {
                return null; // the promotion itself reports it, with the step's spelling
            }
        }
    }
}
