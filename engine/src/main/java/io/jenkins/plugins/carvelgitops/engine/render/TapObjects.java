package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.FluxSpec;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.config.Track;
import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import io.jenkins.plugins.carvelgitops.engine.layout.SecretNames;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.model.SecretManifest;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of the TAP guide ("Deploy packages with Carvel and Flux CD"), field for field, plus what
 * carvel-gitops adds: {@code dependsOn} so PackageInstalls wait for their Packages, {@code prereleases}
 * when a pinned version is a pre-release (kapp-controller filters those out otherwise), and CEL health
 * checks for PackageInstall with Flux v1 (it has no Ready condition, so {@code wait: true} alone would
 * count a failed PackageInstall as ready).
 */
final class TapObjects {

    static final String PKGI_API = "packaging.carvel.dev/v1alpha1";
    static final String DOWNGRADABLE = "packaging.carvel.dev/downgradable";
    static final String PACKAGE_INSTALL_ROLE = "app-package-and-pkgi-install-role";
    static final String APP_CR_ROLE = "app-cr-role";
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
    static final List<String> VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    /** kapp-controller's success and failure, at the generation the controller has seen. */
    static final String PKGI_CURRENT = "status.observedGeneration == metadata.generation && has(status.conditions) "
            + "&& status.conditions.exists(c, c.type == 'ReconcileSucceeded' && c.status == 'True')";
    static final String PKGI_FAILED = "status.observedGeneration == metadata.generation && has(status.conditions) "
            + "&& status.conditions.exists(c, (c.type == 'ReconcileFailed' || c.type == 'DeleteFailed') "
            + "&& c.status == 'True')";

    private TapObjects() {
    }

    static Manifest packageInstall(String install, StageSpec stage, String refName, Semver version,
            boolean downgradable) {
        Map<String, Object> metadata = metadata(install, stage.namespace());
        if (downgradable) {
            metadata.put("annotations", map(DOWNGRADABLE, ""));
        }
        Map<String, Object> selection = new LinkedHashMap<>();
        if (stage.track() == Track.LATEST) {
            selection.put("constraints", ">=0.0.0");
        } else {
            selection.put("constraints", version.text());
            if (version.isPreRelease()) {
                selection.put("prereleases", new LinkedHashMap<>());
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("serviceAccountName", stage.serviceAccount());
        spec.put("packageRef", map("refName", refName, "versionSelection", selection));
        List<Object> values = new ArrayList<>();
        values.add(map("secretRef", map("name", SecretNames.values(install))));
        if (stage.hasSecretValues()) {
            // Later entries win in kapp-controller's values merge; the run-time secrets come last.
            values.add(map("secretRef", map("name", SecretNames.secretValues(install))));
        }
        spec.put("values", values);
        return manifest(PKGI_API, "PackageInstall", metadata, "spec", spec);
    }

    static Manifest valuesSecret(String install, StageSpec stage) {
        return SecretManifest.stringData(SecretNames.values(install), stage.namespace(), null,
                Map.of("values.yaml", SafeYaml.write(stage.values())));
    }

    static Manifest gitRepository(GitopsConfig config, String name) {
        FluxSpec flux = config.flux();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", flux.sourceInterval());
        spec.put("timeout", "60s");
        spec.put("url", config.fluxSourceUrl());
        spec.put("ref", map("branch", config.repository().branch()));
        spec.put("secretRef", map("name", FluxNames.gitAuthSecret(config.packageName())));
        return manifest(flux.sourceApiVersion(), "GitRepository", metadata(name, flux.namespace()), "spec", spec);
    }

    static Manifest kustomization(GitopsConfig config, StageSpec stage, String name, String path,
            String gitRepositoryName, String dependsOn) {
        FluxSpec flux = config.flux();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", flux.interval());
        spec.put("timeout", "5m");
        spec.put("path", path);
        spec.put("prune", true);
        spec.put("wait", true);
        spec.put("sourceRef", map("kind", "GitRepository", "name", gitRepositoryName, "namespace", flux.namespace()));
        spec.put("targetNamespace", stage.namespace());
        spec.put("kubeConfig", map("secretRef", map("name", FluxNames.kubeconfigSecret(stage.name()),
                "key", "value.yaml")));
        if (dependsOn != null) {
            spec.put("dependsOn", List.of(map("name", dependsOn)));
            // only Flux 2.5+ accepts the field; verify checks the PackageInstall itself and needs none of it
            if (flux.acceptsHealthCheckExprs()) {
                spec.put("healthCheckExprs", List.of(map("apiVersion", PKGI_API, "kind", "PackageInstall",
                        "current", PKGI_CURRENT, "failed", PKGI_FAILED)));
            }
        }
        return manifest(flux.kustomizeApiVersion(), "Kustomization", metadata(name, flux.namespace()), "spec", spec);
    }

    static List<Manifest> runClusterRbac(StageSpec stage) {
        String ns = stage.namespace();
        List<Manifest> objects = new ArrayList<>();
        // The label is the one the API server sets on every Namespace. Applying it gives our field manager a
        // field to own; with none, the second apply records the server's own fields under
        // "before-first-apply", a write that bootstrap would report as "configured".
        objects.add(manifest("v1", "Namespace", map("name", ns, "labels", map(NAMESPACE_NAME_LABEL, ns)), null,
                null));
        objects.add(manifest("v1", "ServiceAccount", metadata(stage.serviceAccount(), ns), null, null));
        List<Object> installRules = List.of(
                rule("packaging.carvel.dev", List.of("packageinstalls", "packageinstalls/status")),
                rule("data.packaging.carvel.dev", List.of("packages", "packages/status")),
                rule("", List.of("configmaps", "secrets")));
        objects.add(manifest("rbac.authorization.k8s.io/v1", "Role", metadata(PACKAGE_INSTALL_ROLE, ns),
                "rules", installRules));
        objects.add(roleBinding(PACKAGE_INSTALL_ROLE, stage));
        if (!stage.tap()) {
            List<Object> appRules = List.of(
                    rule("apps", List.of("deployments")),
                    rule("", List.of("configmaps", "services")),
                    rule("networking.k8s.io", List.of("ingresses")));
            objects.add(manifest("rbac.authorization.k8s.io/v1", "Role", metadata(APP_CR_ROLE, ns), "rules",
                    appRules));
            objects.add(roleBinding(APP_CR_ROLE, stage));
        }
        return objects;
    }

    private static Manifest roleBinding(String role, StageSpec stage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "rbac.authorization.k8s.io/v1");
        body.put("kind", "RoleBinding");
        body.put("metadata", metadata(role + "-binding", stage.namespace()));
        body.put("roleRef", map("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", role));
        body.put("subjects", List.of(map("kind", "ServiceAccount", "name", stage.serviceAccount(), "namespace",
                stage.namespace())));
        return new Manifest("rbac.authorization.k8s.io/v1", "RoleBinding", stage.namespace(), role + "-binding", body);
    }

    private static Map<String, Object> rule(String group, List<String> resources) {
        return map("apiGroups", List.of(group), "resources", resources, "verbs", VERBS);
    }

    private static Map<String, Object> metadata(String name, String namespace) {
        return map("name", name, "namespace", namespace);
    }

    @SuppressWarnings("unchecked")
    private static Manifest manifest(String apiVersion, String kind, Map<String, Object> metadata, String key,
            Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", apiVersion);
        body.put("kind", kind);
        body.put("metadata", metadata);
        if (key != null) {
            body.put(key, value);
        }
        return new Manifest(apiVersion, kind, (String) metadata.get("namespace"), (String) metadata.get("name"), body);
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
