package io.jenkins.plugins.carvelgitops.engine.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values: checked, applied as {@code <install>-secret-values} on the run cluster, never shown. */
class SecretValuesBootstrapIT {

    static final String PASSWORD = "s3cret-CANARY-db-password";

    static GitopsConfig config() {
        return ConfigLoader.fromTree(SafeYaml.parseSingle("""
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                  - {name: staging, namespace: apps, serviceAccount: app-installer}
                  - name: prod
                    namespace: apps
                    serviceAccount: app-installer
                    values: {replicas: 2}
                    secretValues: [db_password, api_key]
                """, "carvel-gitops.yaml"), "carvel-gitops.yaml", ConfigOverrides.NONE);
    }

    static CarvelPackage pkg() {
        Object schema = SafeYaml.parseSingle("""
                type: object
                additionalProperties: false
                properties:
                  replicas: {type: integer}
                  db_password: {type: string, minLength: 12}
                  api_key: {type: string, pattern: '^k-'}
                """, "package.yaml");
        return new CarvelPackage("package.yaml", "app.default.tap.1.0.0", "app.default.tap", Semver.parse("1.0.0"),
                schema, Map.of());
    }

    BootstrapRequest request(MockCluster build, MockCluster prod, Map<String, SecretValues> values, boolean dryRun) {
        return new BootstrapRequest(config(), List.of("prod"), dryRun ? null : build.kubeconfig(),
                Map.of("prod", prod.kubeconfig()), null, dryRun, values, pkg());
    }

    static SecretValues given(String yaml) {
        return SecretValues.parse(yaml, "--secret-values prod");
    }

    @Test
    void theSecretHoldsExactlyTheDeclaredKeysAndIsAppliedAfterTheNamespace() {
        try (MockCluster build = MockCluster.start(); MockCluster prod = MockCluster.start();
                KubeClients clients = new KubeClients()) {
            Bootstrap.Result result = new Bootstrap(clients, new RecordingProgress()).run(request(build, prod,
                    Map.of("prod", given("api_key: k-123\ndb_password: " + PASSWORD + "\n")), false));
            assertThat(result.applied()).last().extracting(a -> a.ref().toString())
                    .isEqualTo("Secret/apps/app-secret-values");
            GenericKubernetesResource secret = prod.get("v1", "Secret", "apps", "app-secret-values");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) secret.getAdditionalProperties().get("stringData");
            assertThat(data).containsOnlyKeys("values.yaml");
            assertThat(SafeYaml.parseSingle((String) data.get("values.yaml"), "values.yaml"))
                    .isEqualTo(Map.of("db_password", PASSWORD, "api_key", "k-123"));
            assertThat(result.planned().get(result.planned().size() - 1).manifest().body().get("stringData"))
                    .isEqualTo(Map.of("values.yaml", Bootstrap.REDACTED));
            assertThat(build.writes()).noneMatch(w -> w.body().contains(PASSWORD));
        }
    }

    @Test
    void everyProblemIsOneLineNamingTheStageAndKeyButNeverTheValue() {
        try (MockCluster build = MockCluster.start(); MockCluster prod = MockCluster.start();
                KubeClients clients = new KubeClients()) {
            Bootstrap bootstrap = new Bootstrap(clients, new RecordingProgress());
            String[][] cases = {
                {"db_password: " + PASSWORD + "\n", "--secret-values prod: api_key: stage prod declares secret value "
                        + "api_key but none is given"},
                {"db_password: " + PASSWORD + "\napi_key: k-1\nextra: " + PASSWORD + "\n",
                    "--secret-values prod: extra: is not declared in stages[prod].secretValues"},
                {"db_password: short\napi_key: " + PASSWORD + "\n", "--secret-values prod: "
                        + "secretValues[prod].api_key: "},
                {"db_password: " + PASSWORD + "\napi_key: k-1\n", null},
            };
            for (String[] c : cases) {
                Map<String, SecretValues> values = Map.of("prod", given(c[0]));
                if (c[1] == null) {
                    assertThat(bootstrap.run(request(build, prod, values, true)).planned()).isNotEmpty();
                    continue;
                }
                assertThatThrownBy(() -> bootstrap.run(request(build, prod, values, false)))
                        .isInstanceOf(ValidationException.class)
                        .hasMessageContaining(c[1])
                        .satisfies(e -> assertThat(SecretScan.throwableText(e)).doesNotContain(PASSWORD)
                                .doesNotContain("short"));
            }
            assertThatThrownBy(() -> bootstrap.run(request(build, prod, Map.of(), false)))
                    .hasMessageContaining("stages[prod].secretValues: no values given for db_password, api_key")
                    .hasMessageEndingWith("supply them at run time for stage prod: " + Parameter.SECRET_VALUES.ref());
            assertThatThrownBy(() -> bootstrap.run(request(build, prod, Map.of("staging", given("a: b\n")), false)))
                    .hasMessageContaining("stage staging declares no secretValues");
            assertThat(prod.writes()).as("nothing applied after a problem").isEmpty();
        }
    }

    @Test
    void badYamlIsNamedByLineOnly() {
        assertThatThrownBy(() -> SecretValues.parse("db_password: [" + PASSWORD + "\n", "$CARVEL_GITOPS_SECRET_VALUES_PROD"))
                .hasMessageStartingWith("$CARVEL_GITOPS_SECRET_VALUES_PROD: line ")
                .satisfies(e -> assertThat(SecretScan.throwableText(e)).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> SecretValues.parse(PASSWORD, "f")).hasMessageContaining("is not a YAML mapping")
                .satisfies(e -> assertThat(SecretScan.throwableText(e)).doesNotContain(PASSWORD));
        assertThat(given("db_password: " + PASSWORD).toString()).doesNotContain(PASSWORD).contains("db_password");
    }
}
