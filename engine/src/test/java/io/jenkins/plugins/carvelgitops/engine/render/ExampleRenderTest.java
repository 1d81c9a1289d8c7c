package io.jenkins.plugins.carvelgitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.testing.CrdSchemas;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped example renders the TAP guide's layout, byte for byte as the golden files under
 * {@code src/test/resources/golden/}, valid against the real CRDs of the Flux version it targets.
 * Regenerate the golden files with {@code -Dgolden.update=true} after an intended change.
 */
class ExampleRenderTest {

    @ParameterizedTest
    @ValueSource(strings = {"v1beta2", "v1"})
    void exampleMatchesGoldenFilesAndRealCrds(String apiVersion) throws IOException {
        // v1 as Flux 2.5+ serves it, with healthCheckExprs; without flux.version the field is left out
        GitopsConfig config = Fixtures.exampleConfig(apiVersion.equals("v1")
                ? Map.of("flux.apiVersion", apiVersion, "flux.version", "2.5.0") : Map.of("flux.apiVersion", apiVersion));
        DeliveryPlan plan = new Renderer().render(new RenderRequest(config, Fixtures.examplePackage(),
                List.of("staging", "prod")));

        assertThat(plan.files()).extracting(RepoFile::path).containsExactly(
                "hello.default.tap/packages/20240318141801.0.0.yaml",
                "hello.default.tap/staging/packageinstall.yaml",
                "hello.default.tap/staging/params.yaml",
                "hello.default.tap/prod/packageinstall.yaml",
                "hello.default.tap/prod/params.yaml",
                "flux/hello.default.tap/gitrepository.yaml",
                "flux/hello.default.tap/staging-kustomizations.yaml",
                "flux/hello.default.tap/prod-kustomizations.yaml");
        Path golden = Path.of("src/test/resources/golden/hello-" + apiVersion);
        for (RepoFile file : plan.files()) {
            Path expected = golden.resolve(file.path());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(expected.getParent());
                Files.writeString(expected, file.content(), StandardCharsets.UTF_8);
            }
            assertThat(file.content()).as(file.path()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }

        CrdSchemas crds = CrdSchemas.load(apiVersion.equals("v1") ? "flux-v2" : "flux-v0.41", "kapp-controller");
        for (RepoFile file : plan.files()) {
            for (Object doc : SafeYaml.parseAll(file.content(), file.path())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) doc;
                if ("Package".equals(object.get("kind"))) {
                    continue;
                }
                if (crds.knows((String) object.get("apiVersion"), (String) object.get("kind"))) {
                    assertThat(crds.violations(object)).as(file.path()).isEmpty();
                } else {
                    assertCoreObject(object, file.path());
                }
            }
        }
        for (List<Manifest> objects : plan.runClusters().values()) {
            for (Manifest m : objects) {
                assertCoreObject(m.body(), m.ref());
            }
        }
    }

    /** Core objects (Secret, RBAC, Namespace) must map onto fabric8's typed model with no unknown field. */
    private static void assertCoreObject(Map<String, Object> object, String where) {
        KubernetesResource typed = Serialization.unmarshal(SafeYaml.write(object));
        assertThat(typed).as(where).isInstanceOf(HasMetadata.class);
        try {
            Object unknown = typed.getClass().getMethod("getAdditionalProperties").invoke(typed);
            assertThat((Map<?, ?>) unknown).as(where + ": fields unknown to the Kubernetes API").isEmpty();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(where + ": not a fabric8 model object", e);
        }
        assertThat(((HasMetadata) typed).getMetadata().getName()).as(where).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1beta2", "v1"})
    void renderingTwiceGivesIdenticalBytes(String apiVersion) {
        // v1 as Flux 2.5+ serves it, with healthCheckExprs; without flux.version the field is left out
        GitopsConfig config = Fixtures.exampleConfig(apiVersion.equals("v1")
                ? Map.of("flux.apiVersion", apiVersion, "flux.version", "2.5.0") : Map.of("flux.apiVersion", apiVersion));
        RenderRequest request = new RenderRequest(config, Fixtures.examplePackage(), List.of("staging", "prod"));
        assertThat(new Renderer().render(request).files()).isEqualTo(new Renderer().render(request).files());
    }
}
