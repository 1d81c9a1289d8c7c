package io.jenkins.plugins.carvelgitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.testing.CrdSchemas;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.healthCheckExprs} (CEL health checks) exists from kustomize-controller v1.5.0, shipped with Flux
 * 2.5.0: rendered only when {@code flux.version} says the build cluster runs such a Flux.
 */
class HealthCheckExprsTest {

    static String kustomizations(Map<String, String> overrides) {
        DeliveryPlan plan = new Renderer().render(new RenderRequest(Fixtures.exampleConfig(new LinkedHashMap<>(
                overrides)), Fixtures.examplePackage(), List.of("prod")));
        return plan.files().stream().filter(f -> f.path().endsWith("prod-kustomizations.yaml")).map(RepoFile::content)
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "apiVersion {0}, flux.version {1}: rendered {2}")
    @CsvSource({"v1, '', false", "v1, 2.1.2, false", "v1, 2.4.3, false", "v1, v2.5, true", "v1, 2.5.0, true", "v1, v2.5.0, true",
            "v1, 2.10.1, true", "v1beta2, 2.5.0, false"})
    void renderedOnlyForAFluxThatAcceptsIt(String apiVersion, String version, boolean rendered) {
        Map<String, String> overrides = new LinkedHashMap<>(Map.of("flux.apiVersion", apiVersion));
        if (!version.isEmpty()) {
            overrides.put("flux.version", version);
        }
        String text = kustomizations(overrides);
        assertThat(text.contains("healthCheckExprs")).as(text).isEqualTo(rendered);
        CrdSchemas crds = CrdSchemas.load(apiVersion.equals("v1") ? "flux-v2" : "flux-v0.41");
        for (Object doc : io.jenkins.plugins.carvelgitops.engine.model.SafeYaml.parseAll(text, "ks")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) doc;
            assertThat(crds.violations(object)).isEmpty();
        }
    }

    @Test
    void aVersionThatIsNoFluxReleaseIsRefused() {
        assertThatThrownBy(() -> kustomizations(Map.of("flux.apiVersion", "v1", "flux.version", "latest")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("flux.version: 'latest' is not a Flux release");
    }
}
