package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.LiveVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code promote --require-live}: does the source stage really run the version being promoted? */
final class LiveGate {

    private LiveGate() {
    }

    static LiveVersion check(Path configFile, ConfigOverrides overrides, String from, String version,
            List<String> stageKubeconfigs) {
        GitopsConfig config = ConfigLoader.load(configFile, configFile.toString(), overrides);
        StageSpec stage = config.stage(from).orElseThrow(() -> ValidationException.of("--from", from,
                "is not a stage of " + config.source(), "name a stage of the config"));
        ClusterOptions files = new ClusterOptions();
        files.stageKubeconfigs = stageKubeconfigs;
        Map<String, KubeconfigAuth> kubeconfigs = files.stageKubeconfigs();
        KubeconfigAuth kubeconfig = kubeconfigs.get(from);
        if (kubeconfig == null) {
            throw ValidationException.of("--require-live", "", "needs the run cluster of stage " + from,
                    "add --stage-kubeconfig " + from + "=FILE");
        }
        String install = config.install() != null ? config.install()
                : stage.values().get("workload_name") instanceof String w ? w : null;
        if (install == null) {
            throw ValidationException.of(config.source(), "install", "names no PackageInstall for stage " + from,
                    "set install: or values.workload_name");
        }
        try (KubeClients clients = new KubeClients()) {
            return LiveVersion.check(clients.cluster(kubeconfig, "run cluster of stage " + from), from,
                    stage.namespace(), install, version);
        }
    }
}
