package io.jenkins.plugins.carvelgitops.engine.kube;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/**
 * The kinds carvel-gitops reads and writes, with their plural resource names. Knowing them up front
 * spares an API discovery round trip per kind, and works the same against every server version.
 */
public final class KubeKinds {

    private record Kind(String plural, boolean namespaced) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "GitRepository", new Kind("gitrepositories", true),
            "Kustomization", new Kind("kustomizations", true),
            "PackageInstall", new Kind("packageinstalls", true),
            "App", new Kind("apps", true),
            "Secret", new Kind("secrets", true),
            "Namespace", new Kind("namespaces", false),
            "ServiceAccount", new Kind("serviceaccounts", true),
            "Role", new Kind("roles", true),
            "RoleBinding", new Kind("rolebindings", true));

    public static final String PACKAGE_INSTALL_API = "packaging.carvel.dev/v1alpha1";

    private KubeKinds() {
    }

    public static ResourceDefinitionContext context(String apiVersion, String kind) {
        Kind k = KINDS.get(kind);
        if (k == null) {
            throw new IllegalArgumentException("carvel-gitops does not handle the kind " + kind);
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(k.plural()).withNamespaced(k.namespaced()).build();
    }
}
