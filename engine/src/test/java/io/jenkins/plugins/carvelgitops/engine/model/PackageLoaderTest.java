package io.jenkins.plugins.carvelgitops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageLoaderTest {

    static String pkg(String name, String refName, String version) {
        return """
                apiVersion: data.packaging.carvel.dev/v1alpha1
                kind: Package
                metadata:
                  name: %s
                spec:
                  refName: %s
                  version: %s
                  template: {spec: {fetch: [], template: [], deploy: []}}
                  futureField: kept
                """.formatted(name, refName, version);
    }

    @Test
    void aVersionTooLongForItsFileNameIsRefusedNamingTheLimit() {
        String version = "1.0.0+" + "b".repeat(239);
        assertThat(version).hasSize(245);
        assertThatThrownBy(() -> Fixtures.pkg(pkg("app.default.tap." + version, "app.default.tap", version)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("spec.version: is 245 characters, more than the 200 that fit the file name "
                        + "packages/<version>.yaml");
        String longest = "1.0.0+" + "b".repeat(194);
        assertThat(Fixtures.pkg(pkg("app.default.tap." + longest, "app.default.tap", longest)).version().text())
                .hasSize(PackageLoader.MAX_VERSION_LENGTH);
    }

    @Test
    void keepsTheWholePackageAsPublished() {
        CarvelPackage p = Fixtures.pkg(pkg("app.default.tap.1.0.0+build.7", "app.default.tap", "1.0.0+build.7"));
        assertThat(p.version().text()).isEqualTo("1.0.0+build.7");
        assertThat(p.tree()).extractingByKey("spec").asString().contains("futureField=kept");
        assertThat(p.valuesSchema()).isNull();
        assertThat(p.declaresWorkloadName()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name mismatch       | app.default.tap.1.0.1 | app.default.tap | 1.0.0    | metadata.name: 'app.default.tap.1.0.1' must be <spec.refName> + '.' + <spec.version> = 'app.default.tap.1.0.0' (kapp-controller ValidatePackageName)",
        "refName two labels  | app.tap.1.0.0         | app.tap         | 1.0.0    | spec.refName: 'app.tap' should be a domain with at least three segments",
        "refName upper case  | App.default.tap.1.0.0 | App.default.tap | 1.0.0    | spec.refName: 'App.default.tap' should be a domain",
        "v prefix            | app.default.tap.v1.0.0 | app.default.tap | v1.0.0  | spec.version: must be valid semver: 'v1.0.0' has a 'v' prefix",
        "four numbers        | app.default.tap.0.24.4.1 | app.default.tap | 0.24.4.1 | has 4 numbers, semver has exactly three",
        "leading zero        | app.default.tap.01.0.0 | app.default.tap | 01.0.0  | has a leading zero in '01'",
        "empty pre-release   | app.default.tap.1.0.0- | app.default.tap | 1.0.0-  | spec.version: must be valid semver",
    })
    void kappControllerRulesAreApplied(String rule, String name, String refName, String version, String expected) {
        assertThatThrownBy(() -> Fixtures.pkg(pkg(name, refName, version)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("package.yaml: ")
                .hasMessageContaining(expected);
    }

    @Test
    void versionSelectionsMustBeRanges() {
        String base = pkg("app.default.tap.1.0.0", "app.default.tap", "1.0.0");
        assertThat(Fixtures.pkg(base + "  kubernetesVersionSelection: {constraints: '>=1.24.0'}\n").version().text())
                .isEqualTo("1.0.0");
        assertThatThrownBy(() -> Fixtures.pkg(base + "  kappControllerVersionSelection: {constraints: '>=one'}\n"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("package.yaml: spec.kappControllerVersionSelection.constraints: '>=one' must be "
                        + "a semver range");
    }

    @Test
    void missingFieldsAndWrongKindsAreNamed() {
        assertThatThrownBy(() -> Fixtures.pkg("apiVersion: packaging.carvel.dev/v1alpha1\nkind: PackageInstall\n"))
                .hasMessageContaining("package.yaml: kind: is packaging.carvel.dev/v1alpha1/PackageInstall, expected "
                        + "data.packaging.carvel.dev/v1alpha1/Package");
        assertThatThrownBy(() -> Fixtures.pkg("apiVersion: data.packaging.carvel.dev/v1alpha1\nkind: Package\n"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(io.jenkins.plugins.carvelgitops.engine.validate.Problem::field)
                        .containsExactly("spec.refName", "spec.version", "metadata.name"));
        assertThatThrownBy(() -> Fixtures.pkg("- a list\n")).hasMessageContaining("is not a Kubernetes object");
    }
}
