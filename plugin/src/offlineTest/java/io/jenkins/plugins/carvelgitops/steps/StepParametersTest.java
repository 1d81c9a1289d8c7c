package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepParametersTest {

    @Test
    void blankMeansUnset() {
        assertThat(StepParameters.trimToNull("  ")).isNull();
        assertThat(StepParameters.trimToNull(null)).isNull();
        assertThat(StepParameters.trimToNull(" prod ")).isEqualTo("prod");
    }

    @Test
    void configDefaultsToTheWorkspaceFile() {
        assertThat(StepParameters.configOrDefault(null)).isEqualTo("carvel-gitops.yaml");
        assertThat(StepParameters.configOrDefault(" ")).isEqualTo("carvel-gitops.yaml");
        assertThat(StepParameters.configOrDefault("deploy/app.yaml")).isEqualTo("deploy/app.yaml");
    }

    @Test
    void stagesAreSplitOnCommasAndSpacesKeepingOrderOnce() {
        assertThat(StepParameters.stages("staging, prod  staging\nqa")).containsExactly("staging", "prod", "qa");
        assertThat(StepParameters.stages("")).isEmpty();
    }

    @Test
    void aStageThatIsNotADnsLabelIsNamed() {
        assertThatThrownBy(() -> StepParameters.stages("staging, Prod_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stages: 'Prod_1' ");
    }

    @Test
    void overridesAreKeyValueLines() {
        assertThat(StepParameters.overrides("""
                # comment
                repository.branch = release
                stages.prod.values.replicas=3

                flux.url=https://git.example.com/a.git?x=1
                """))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("repository.branch", "release"),
                        org.assertj.core.api.Assertions.entry("stages.prod.values.replicas", "3"),
                        org.assertj.core.api.Assertions.entry("flux.url", "https://git.example.com/a.git?x=1"));
    }

    @Test
    void anOverrideWithoutKeyNamesTheLine() {
        assertThatThrownBy(() -> StepParameters.overrides("a=b\n=c"))
                .hasMessage("overrides: line 2 is not KEY=VALUE; write it like repository.branch=main");
        assertThatThrownBy(() -> StepParameters.overrides("just text"))
                .hasMessageContaining("line 1");
    }

    @Test
    void durationsAreFluxStyle() {
        assertThat(StepParameters.duration("timeout", "1h30m", Duration.ZERO)).isEqualTo(Duration.ofMinutes(90));
        assertThat(StepParameters.duration("timeout", null, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> StepParameters.duration("timeout", "5 minutes", Duration.ZERO))
                .hasMessage("timeout: '5 minutes' is not a duration; write it like 90s, 5m or 1h");
        assertThat(StepParameters.durationProblem("0s")).isEqualTo("must be longer than zero");
        assertThat(StepParameters.durationProblem("")).isNull();
    }
}
