package io.jenkins.plugins.carvelgitops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The range vectors of carvel-dev/semver {@code v4/range_test.go} (A) and vendir's
 * {@code semvers_test.go} (B), plus kapp-controller selection cases (C).
 */
class VersionConstraintTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        ">1.2.3; 1.2.2; false",
        ">1.2.3; 1.2.3; false",
        ">1.2.3; 1.2.4; true",
        ">=1.2.3; 1.2.3; true",
        ">=1.2.3; 1.2.2; false",
        "<1.2.3; 1.2.2; true",
        "<1.2.3; 1.2.3; false",
        "<=1.2.3; 1.2.3; true",
        "<=1.2.3; 1.2.4; false",
        "1.2.3; 1.2.3; true",
        "1.2.3; 1.2.4; false",
        "==1.2.3; 1.2.2; false",
        "!=1.2.3; 1.2.3; false",
        "!1.2.3; 1.2.4; true",
        ">1.2.2 <1.2.4; 1.2.3; true",
        ">1.2.2 <1.2.4; 1.2.4; false",
        ">1.2.2 <1.2.5 !=1.2.4; 1.2.4; false",
        ">1.2.2 || <1.2.4; 1.2.2; true",
        "<1.2.2 || >1.2.4; 1.2.3; false",
        ">1.x; 1.9.0; false",
        ">1.x; 2.0.0; true",
        ">1.2.x; 1.2.6; false",
        ">1.2.x; 1.3.0; true",
        "1.x || >=2.0.x <2.2.x; 0.9.2; false",
        "1.x || >=2.0.x <2.2.x; 2.1.8; true",
        "1.x || >=2.0.x <2.2.x; 2.2.0; false",
        ">1.2.2 <1.2.4 || >=2.0.0 <3.0.0; 2.9.9; true",
        ">1.2.2 <1.2.4 || >=2.0.0 <3.0.0; 3.0.0; false",
        ">0.0.5 <5.0.0; 0.1.0; true",
        ">0.0.5 <5.0.0; 2.0.0-10; true",
        ">0.0.5 <5.0.0; 2.0.0-10+meta.10; true",
        ">0.0.5 <5.0.0; 0.0.1-pre.1; false",
        ">1.0.0+ab1.foo; 1.0.0+z1; true",
        ">1.0.0+ab1.foo; 1.0.0; false",
        ">1.0.0+ab1.foo; 1.0.0+2; false",
        ">1.0.0+ab1.foo; 1.0.0+ab1; false",
        ">1.0.0+ab1.foo; 1.0.0-pre+foo; false",
        ">=0.0.0; 20230321004057.0.0; true",
        ">1.0.0; 20230321004057.0.0; true",
        "<2.0.0; 20230321004057.0.0; false",
        "1.0.0; 1.0.0+1; false",
        ">= 1.0.0; 1.0.0; true",
        "<=1.2.x; 1.2.9; true",
        "<=1.2.x; 1.3.0; false",
    })
    void matches(String constraint, String version, boolean expected) {
        assertThat(VersionConstraint.parse(constraint).test(Semver.parse(version))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {">>1.2.3", "1.0", "string", "", " ", "fo.ob.ar.x", ">v1.5.3", "~1.2.3", "^1.2.3", "*",
        "1.2.3 ||", "x.x.x"})
    void refuses(String constraint) {
        assertThatThrownBy(() -> VersionConstraint.parse(constraint)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactVersions() {
        assertThat(VersionConstraint.exactVersion("1.2.3")).isEqualTo(Semver.parse("1.2.3"));
        assertThat(VersionConstraint.exactVersion("=1.2.3-rc.1")).isEqualTo(Semver.parse("1.2.3-rc.1"));
        assertThat(VersionConstraint.exactVersion(">=1.2.3")).isNull();
        assertThat(VersionConstraint.exactVersion("1.2.x")).isNull();
    }

    private static List<Semver> versions(String... v) {
        return Stream.of(v).map(Semver::parse).toList();
    }

    @Test
    void selectionDropsPreReleasesUnlessAllowedAndTakesTheHighest() {
        List<Semver> all = versions("2.0.0-10+meta.10", "0.0.1-pre.10", "0.0.1-pre.1", "0.1.0", "2.0.0-10", "2.0.0",
                "0.0.1-rc.0", "0.0.1-alpha.1");
        VersionSelection absent = new VersionSelection(">0.0.0", null);
        assertThat(all.stream().filter(absent::matches).map(Semver::text)).containsExactlyInAnyOrder("0.1.0", "2.0.0");
        VersionSelection any = new VersionSelection("", List.of());
        assertThat(all.stream().filter(any::matches)).hasSize(all.size());
        VersionSelection ids = new VersionSelection("", List.of("alpha", "rc"));
        assertThat(all.stream().filter(ids::matches).map(Semver::text))
                .containsExactlyInAnyOrder("0.0.1-alpha.1", "0.0.1-rc.0", "0.1.0", "2.0.0");
        assertThat(absent.select(all)).contains(Semver.parse("2.0.0"));
        assertThat(new VersionSelection(">2.0.0", null).select(all)).isEmpty();
    }

    @Test
    void anExactPreReleasePinSelectsItWithoutPrereleases() {
        List<Semver> all = versions("3.0.0-rc.1", "2.0.0");
        assertThat(new VersionSelection("3.0.0-rc.1", null).select(all)).contains(Semver.parse("3.0.0-rc.1"));
        assertThat(new VersionSelection("0.0.0", null).select(versions("0.0.0"))).contains(Semver.parse("0.0.0"));
        assertThat(new VersionSelection(">0.0.0", null).select(versions("0.4.0", "0.5.0")))
                .contains(Semver.parse("0.5.0"));
        assertThat(new VersionSelection(">=0.0.0", null).select(versions("1.0.0", "20230321004057.0.0", "1.0.0-rc.1")))
                .contains(Semver.parse("20230321004057.0.0"));
    }
}
