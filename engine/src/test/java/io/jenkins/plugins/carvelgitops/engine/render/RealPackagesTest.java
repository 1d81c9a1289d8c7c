package io.jenkins.plugins.carvelgitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.testing.CrdSchemas;
import io.jenkins.plugins.carvelgitops.engine.testing.NeedsRealPackages;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.validate.ValuesSchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real Package in {@code shared/real-packages}: the ones its README marks as accepted render
 * CRD-valid (with values their schema accepts, and fail with values it rejects); the others are
 * rejected naming kapp-controller's rule.
 */
@NeedsRealPackages
class RealPackagesTest {

    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+\\.yaml) \\|.*\\| (yes|\\*\\*no\\*\\*: .*) \\|$");
    private static final CrdSchemas KAPP = CrdSchemas.load("kapp-controller", "flux-v0.41");

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SharedMaterial.realPackages().resolve("README.md"))) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                rows.add(Arguments.of(m.group(1).trim(), m.group(2).startsWith("yes"), m.group(2)));
            }
        }
        return rows.stream();
    }

    @Test
    void readmeListsEveryFile() throws IOException {
        List<String> listed = rows().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> files = Files.list(SharedMaterial.realPackages())) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).toList();
            assertThat(listed).hasSize(18).containsExactlyInAnyOrderElementsOf(present);
        }
        assertThat(rows().filter(a -> (boolean) a.get()[1])).hasSize(16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void acceptedPackagesRenderAndOthersAreRejected(String file, boolean accepted, String verdict) {
        Path path = SharedMaterial.realPackages().resolve(file);
        if (!accepted) {
            String rule = verdict.contains("ValidatePackageName") ? "ValidatePackageName" : "ValidatePackageSpecVersion";
            assertThatThrownBy(() -> PackageLoader.load(path, file))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining(rule)
                    .hasMessageStartingWith(file + ": ");
            return;
        }
        CarvelPackage pkg = PackageLoader.load(path, file);
        assertThat(KAPP.violations(withoutNamespace(pkg.tree(), "internal.packaging.carvel.dev/v1alpha1",
                "InternalPackage"), false)).as("Package as InternalPackage").isEmpty();

        Map<String, Object> values = ValueSamples.accepted(pkg);
        GitopsConfig config = config(pkg, values, true);
        DeliveryPlan plan = new Renderer().render(new RenderRequest(config, pkg, List.of()));

        // The Package file is the Package as published: the same tree, unknown fields included.
        RepoFile packageFile = plan.files().get(0);
        assertThat(packageFile.path()).isEqualTo(pkg.refName() + "/packages/" + pkg.version().text() + ".yaml");
        assertThat(SafeYaml.parseSingle(packageFile.content(), file))
                .isEqualTo(SafeYaml.parseSingle(SafeYaml.readUtf8(path, file), file));
        for (RepoFile f : plan.files()) {
            for (Object doc : SafeYaml.parseAll(f.content(), f.path())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) doc;
                if (KAPP.knows((String) object.get("apiVersion"), (String) object.get("kind"))) {
                    assertThat(KAPP.violations(object)).as(f.path()).isEmpty();
                }
            }
        }

        Map<String, Object> rejected = ValueSamples.rejected(pkg);
        if (rejected == null) {
            // The schema accepts any values (properties: {} or an untyped nullable root): nothing to reject.
            assertThat(new ValuesSchemaValidator(pkg.valuesSchema())
                    .check(Map.of("anything", List.of(1, "two")), "c", "values", file)).isEmpty();
        } else {
            assertThatThrownBy(() -> new Renderer().render(new RenderRequest(config(pkg, rejected, true), pkg,
                    List.of())))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("stages[staging].values")
                    .hasMessageContaining("valuesSchema of " + file);
        }
    }

    @Test
    void longRefNamesNeedShortenNames() throws IOException {
        List<String> tooLong = new ArrayList<>();
        rows().filter(a -> (boolean) a.get()[1]).forEach(a -> {
            String file = (String) a.get()[0];
            CarvelPackage pkg = PackageLoader.load(SharedMaterial.realPackages().resolve(file), file);
            GitopsConfig strict = config(pkg, ValueSamples.accepted(pkg), false);
            try {
                new Renderer().render(new RenderRequest(strict, pkg, List.of()));
            } catch (ValidationException e) {
                assertThat(e.getMessage()).contains("more than the 63 Kubernetes allows", "shortenNames: true");
                tooLong.add(pkg.refName());
            }
        });
        assertThat(tooLong).containsExactlyInAnyOrder("sriov-network-device-plugin.community.tanzu.vmware.com",
                "fluxcd-source-controller.community.tanzu.vmware.com",
                "fluxcd-source-controller.community.tanzu.vmware.com",
                "where-for-dinner-availability.dev.alm.dev");
    }

    static GitopsConfig config(CarvelPackage pkg, Map<String, Object> values, boolean shorten) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", "staging");
        stage.put("namespace", "apps");
        stage.put("serviceAccount", "installer");
        stage.put("values", values);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("package", pkg.refName());
        if (!pkg.declaresWorkloadName()) {
            tree.put("install", pkg.refName().split("\\.")[0]);
        }
        tree.put("shortenNames", shorten);
        tree.put("repository", Map.of("url", "https://git.example.com/acme/gitops.git"));
        tree.put("flux", Map.of("namespace", "build-ns"));
        tree.put("stages", List.of(stage));
        return ConfigLoader.fromTree(tree, "carvel-gitops.yaml", ConfigOverrides.NONE);
    }

    private static Map<String, Object> withoutNamespace(Map<String, Object> tree, String apiVersion, String kind) {
        Map<String, Object> copy = new LinkedHashMap<>(tree);
        copy.put("apiVersion", apiVersion);
        copy.put("kind", kind);
        return copy;
    }
}
