package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.promote.LiveCheck;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.LiveVersion;
import java.util.Map;

/**
 * {@code requireLive} in Jenkins: the engine's {@link LiveCheck} over the stage kubeconfig credentials of
 * the global configuration, resolved on the controller and carried in memory to the agent, where the
 * client is created (fabric8 from kubernetes-client-api, as {@code fluxVerify} reads). Which stage, which
 * PackageInstall and what the answer means are the engine's.
 */
final class CredentialLiveCheck implements LiveCheck {

    private final Map<String, String> kubeconfigs;

    /** @param kubeconfigs kubeconfig content by stage name */
    CredentialLiveCheck(Map<String, String> kubeconfigs) {
        this.kubeconfigs = Map.copyOf(kubeconfigs);
    }

    @Override
    public Result check(String stage, String namespace, String installName, String version) {
        String content = kubeconfigs.get(stage);
        if (content == null || content.isBlank()) {
            throw ValidationException.of(Parameter.REQUIRE_LIVE, "", "needs the run cluster of stage " + stage,
                    "add a stage kubeconfig credential for " + stage + " to the Carvel GitOps global configuration");
        }
        try (KubeClients clients = new KubeClients()) {
            LiveVersion live = LiveVersion.check(clients.cluster(new KubeconfigAuth(content), "run cluster of stage "
                    + stage), stage, namespace, installName, version);
            return new Result(live.live(), live.seen(), live.reason());
        }
    }

    @Override
    public String toString() {
        return "requireLive over the kubeconfigs of " + kubeconfigs.keySet();
    }
}
