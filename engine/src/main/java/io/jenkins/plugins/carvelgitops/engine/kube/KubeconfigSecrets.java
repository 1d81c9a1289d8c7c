package io.jenkins.plugins.carvelgitops.engine.kube;

import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A run cluster's kubeconfig as {@code bootstrap} stores it on the build cluster: key {@code value.yaml}
 * of Secret {@code <stage>-kubeconfig} in the Flux namespace (where Flux's Kustomizations read it too).
 * Errors name the Secret, never its content.
 */
public final class KubeconfigSecrets {

    public static final String KEY = "value.yaml";

    private KubeconfigSecrets() {
    }

    public static KubeconfigAuth read(ClusterAccess build, String namespace, String stage) {
        String name = FluxNames.kubeconfigSecret(stage);
        String where = build.label() + ": Secret " + namespace + "/" + name;
        Map<String, Object> secret = build.get(new ObjectRef("v1", "Secret", namespace, name))
                .orElseThrow(() -> new ClusterException(where + " does not exist; run carvel-gitops bootstrap or "
                        + "give the stage's kubeconfig"));
        Object value = secret.get("data") instanceof Map<?, ?> data ? data.get(KEY) : null;
        if (!(value instanceof String encoded) || encoded.isBlank()) {
            throw new ClusterException(where + " has no key " + KEY + "; run carvel-gitops bootstrap to write it");
        }
        try {
            return new KubeconfigAuth(new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ClusterException(where + " key " + KEY + " is not base64");
        }
    }
}
