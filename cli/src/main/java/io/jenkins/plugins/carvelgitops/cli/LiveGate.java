package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.promote.LiveCheck;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.LiveVersion;
import java.util.List;
import java.util.Map;

/**
 * {@code promote --require-live} on the command line: the engine's {@link LiveCheck} over the
 * {@code --stage-kubeconfig} files. Which stage, which PackageInstall and what the answer means are the
 * engine's; this only reaches the cluster.
 */
final class LiveGate implements LiveCheck {

    private final Map<String, KubeconfigAuth> kubeconfigs;

    /** Reads every {@code --stage-kubeconfig NAME=FILE} now, so a bad one stops the run before any Git work. */
    LiveGate(List<String> stageKubeconfigs) {
        ClusterOptions files = new ClusterOptions();
        files.stageKubeconfigs = List.copyOf(stageKubeconfigs);
        this.kubeconfigs = files.stageKubeconfigs();
    }

    @Override
    public Result check(String stage, String namespace, String installName, String version) {
        KubeconfigAuth kubeconfig = kubeconfigs.get(stage);
        if (kubeconfig == null) {
            throw ValidationException.of(Parameter.REQUIRE_LIVE, "", "needs the run cluster of stage " + stage,
                    "add {stageKubeconfig} " + stage + "=FILE");
        }
        try (KubeClients clients = new KubeClients()) {
            LiveVersion live = LiveVersion.check(clients.cluster(kubeconfig, "run cluster of stage " + stage), stage,
                    namespace, installName, version);
            return new Result(live.live(), live.seen(), live.reason());
        }
    }
}
