package io.jenkins.plugins.carvelgitops.engine.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.TokenAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bootstrap against mock clusters: the objects land, a second run changes nothing, secrets stay hidden. */
class BootstrapIT {

    static final String TOKEN = "git-token-that-must-not-leak";

    static GitopsConfig config() {
        return ConfigLoader.fromTree(SafeYaml.parseSingle("""
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: staging, namespace: apps, serviceAccount: app-installer, tap: false}
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """, "carvel-gitops.yaml"), "carvel-gitops.yaml", ConfigOverrides.NONE);
    }

    @Test
    void appliesEverythingOnceAndIsIdempotent() {
        try (MockCluster build = MockCluster.start(); MockCluster staging = MockCluster.start();
                MockCluster prod = MockCluster.start(); KubeClients clients = new KubeClients()) {
            RecordingProgress progress = new RecordingProgress();
            BootstrapRequest request = new BootstrapRequest(config(), List.of(), build.kubeconfig(), Map.of("staging",
                    staging.kubeconfig(), "prod", prod.kubeconfig()), new TokenAuth("git", TOKEN), false);
            Bootstrap.Result first = new Bootstrap(clients, progress).run(request);
            assertThat(first.applied()).extracting(a -> a.ref().toString() + " " + a.outcome()).containsExactly(
                    "Secret/build-ns/app.default.tap-gitops-auth CREATED",
                    "Secret/build-ns/staging-kubeconfig CREATED",
                    "Secret/build-ns/prod-kubeconfig CREATED",
                    "GitRepository/build-ns/app.default.tap-gitops-repo CREATED",
                    "Kustomization/build-ns/app.default.tap-staging-packages CREATED",
                    "Kustomization/build-ns/app.default.tap-staging-packageinstalls CREATED",
                    "Kustomization/build-ns/app.default.tap-prod-packages CREATED",
                    "Kustomization/build-ns/app.default.tap-prod-packageinstalls CREATED",
                    "Namespace/apps CREATED",
                    "ServiceAccount/apps/app-installer CREATED",
                    "Role/apps/app-package-and-pkgi-install-role CREATED",
                    "RoleBinding/apps/app-package-and-pkgi-install-role-binding CREATED",
                    "Role/apps/app-cr-role CREATED",
                    "RoleBinding/apps/app-cr-role-binding CREATED",
                    "Namespace/apps CREATED",
                    "ServiceAccount/apps/app-installer CREATED",
                    "Role/apps/app-package-and-pkgi-install-role CREATED",
                    "RoleBinding/apps/app-package-and-pkgi-install-role-binding CREATED");
            GenericKubernetesResource secret = build.get("v1", "Secret", "build-ns", "prod-kubeconfig");
            @SuppressWarnings("unchecked")
            Map<String, String> data = (Map<String, String>) secret.getAdditionalProperties().get("data");
            assertThat(new String(Base64.getDecoder().decode(data.get("value.yaml")), StandardCharsets.UTF_8))
                    .isEqualTo(prod.kubeconfig().content());
            assertThat(staging.get("rbac.authorization.k8s.io/v1", "Role", "apps", "app-cr-role")).isNotNull();
            assertThat(prod.get("rbac.authorization.k8s.io/v1", "Role", "apps", "app-cr-role")).isNull();
            assertThat(build.requests()).anyMatch(r -> r.startsWith("PATCH ") && r.contains("fieldManager=carvel-gitops")
                    && r.contains("force=true"));

            Bootstrap.Result second = new Bootstrap(clients, progress).run(request);
            assertThat(second.applied()).allMatch(a -> a.outcome() == ClusterAccess.Applied.Outcome.UNCHANGED);
            assertThat(progress.text()).doesNotContain(TOKEN).doesNotContain("kubeconfig-secret-token");
        }
    }

    @Test
    void aDryRunPrintsTheObjectsWithSecretDataRedactedAndTouchesNothing() {
        RecordingProgress progress = new RecordingProgress();
        BootstrapRequest request = new BootstrapRequest(config(), List.of("prod"), null, Map.of("prod",
                new KubeconfigAuth(MockCluster.kubeconfigFor(1))), new TokenAuth("git", TOKEN), true);
        Bootstrap.Result result = new Bootstrap(null, progress).run(request);
        String printed = SafeYaml.writeAll(result.planned().stream().map(p -> (Object) p.manifest().body()).toList());
        assertThat(printed).contains("name: prod-kubeconfig").contains("value.yaml: <redacted>")
                .contains("password: <redacted>").doesNotContain(TOKEN).doesNotContain("kubeconfig-secret-token")
                .doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.applied()).isEmpty();
        assertThat(new TokenAuth("git", TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new KubeconfigAuth("secret: x").toString()).doesNotContain("secret");
    }

    @Test
    void serverErrorsThrottlingAndSlowResponsesAreRetriedAndEverythingLands() {
        try (MockCluster build = MockCluster.start(); MockCluster prod = MockCluster.start();
                KubeClients clients = new KubeClients()) {
            build.failNext(3, "PATCH ", 500, 0).failNext(2, "GET ", 429, 1).slow(java.time.Duration.ofMillis(100));
            prod.failNext(2, "", 503, 0);
            BootstrapRequest request = new BootstrapRequest(config(), List.of("prod"), build.kubeconfig(),
                    Map.of("prod", prod.kubeconfig()), new TokenAuth("git", TOKEN), false);
            Bootstrap.Result result = new Bootstrap(clients, new RecordingProgress()).run(request);
            assertThat(result.applied()).hasSize(result.planned().size());
            assertThat(build.served()).filteredOn(s -> s.code() >= 429).hasSize(5);
            assertThat(prod.served()).filteredOn(s -> s.code() == 503).hasSize(2);
            assertThat(build.get("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "build-ns",
                    "app.default.tap-prod-packageinstalls")).isNotNull();
            assertThat(prod.get("v1", "ServiceAccount", "apps", "app-installer")).isNotNull();
        }
    }

    @Test
    void aRefusalIsNotRetried() {
        try (MockCluster build = MockCluster.start(); KubeClients clients = new KubeClients()) {
            build.failNext(100, "", 403, 0);
            BootstrapRequest request = new BootstrapRequest(config(), List.of("prod"), build.kubeconfig(), Map.of(),
                    new TokenAuth("git", TOKEN), false);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Bootstrap(clients, new RecordingProgress())
                    .run(request)).isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("build cluster: cannot apply Secret/build-ns/app.default.tap-gitops-auth: 403");
            assertThat(build.served()).hasSize(1);
        }
    }
}
