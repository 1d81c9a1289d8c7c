package io.jenkins.plugins.carvelgitops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.testing.NeedsRealPackages;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Version order as kapp-controller compares it (carvel-dev/semver v4), with real published versions. */
class SemverOrderTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        // numbers compare numerically, however long (TAP supply chains use a timestamp as major)
        "1.2.3, 1.10.0",
        "9.0.3, 20230321004057.0.0",
        "9999.0.0, 20230321004057.0.0",
        "20230630210856.0.0, 20230802163041.0.0+build.13e7965",
        "20231018182401.0.0, 20240318141801.0.0",
        "20240318141801.0.0, 20260429151615.0.0+build.203fb5b",
        "0.21.2, 0.24.4+update.1",
        // a pre-release sorts below its release
        "1.23.0-alpha.1, 1.23.0",
        "3.0.0-rc.1, 3.0.0",
        "0.0.1-pre.1, 0.0.1-pre.10",
        "0.0.1-pre.10, 0.0.1-rc.0",
        "0.0.1-rc.0, 0.1.0",
        "2.0.0-10, 2.0.0-10+meta.10",
        "2.0.0-10+meta.10, 2.0.0",
        "1.0.0-alpha, 1.0.0-alpha.1",
        "1.0.0-alpha.1, 1.0.0-alpha.beta",
        "1.0.0-beta.2, 1.0.0-beta.11",
        "1.0.0-rc.1, 1.0.0",
        // build metadata takes part in the order in this fork
        "1.0.0, 1.0.0+1",
        "1.0.0+1, 1.0.0+2",
        "1.0.0+2, 1.0.0+ab1",
        "1.0.0+ab1, 1.0.0+ab1.foo",
        "1.0.0+ab1.foo, 1.0.0+z1",
        "1.0.0+z1, 1.1.0",
        "0.24.4, 0.24.4+update.1",
    })
    void lowerThan(String lower, String higher) {
        assertThat(Semver.parse(lower)).isLessThan(Semver.parse(higher));
        assertThat(Semver.parse(higher)).isGreaterThan(Semver.parse(lower));
    }

    @Test
    void equalOnlyWhenTheWholeTextIsEqual() {
        assertThat(Semver.parse("1.0.0").compareTo(Semver.parse("1.0.0"))).isZero();
        assertThat(Semver.parse("1.0.0").compareTo(Semver.parse("1.0.0+1"))).isNotZero();
    }

    @ParameterizedTest
    @CsvSource({"0.24.4.1", "v1.0.0", "1.0", "01.2.3", "1.2.3-01", "1.2.3+", "''"})
    void strictParseRefuses(String text) {
        assertThatThrownBy(() -> Semver.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @NeedsRealPackages
    void everyRealPackageVersionParsesOrIsRejectedAsKappControllerDoes() throws IOException {
        Path dir = SharedMaterial.realPackages();
        List<String> valid = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Object doc = SafeYaml.parseAll(Files.readString(f), f.toString()).get(0);
                String version = (String) ((Map<?, ?>) ((Map<?, ?>) doc).get("spec")).get("version");
                if (Semver.isValid(version)) {
                    valid.add(version);
                } else {
                    assertThat(version).as("the only invalid real version").isEqualTo("0.24.4.1");
                }
            }
        }
        List<String> sorted = valid.stream().map(Semver::parse).sorted().map(Semver::text).toList();
        assertThat(sorted).containsExactly("0.11.2", "0.21.2", "0.24.4+update.1", "1.0.0", "1.9.1", "1.22.3",
                "1.23.0-alpha.1", "2.6.3", "2.36.2", "3.0.0-rc.1", "3.3.2", "9.0.3", "20230630210856.0.0",
                "20230802163041.0.0+build.13e7965", "20231018182401.0.0", "20240318141801.0.0",
                "20260429151615.0.0+build.203fb5b");
    }
}
