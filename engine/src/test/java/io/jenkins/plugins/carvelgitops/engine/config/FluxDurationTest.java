package io.jenkins.plugins.carvelgitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Durations against Go's time package, which Flux uses. Each row of go-durations.tsv was printed by Go 1.26:
 * a text, {@code time.ParseDuration(text).Nanoseconds()} and {@code .String()} of that duration. To add
 * rows, run those two calls on the new texts and append what Go prints; do not write the expected text by
 * hand.
 */
class FluxDurationTest {

    private static final long NANOS_PER_MILLI = 1_000_000;

    @ParameterizedTest(name = "{1} ns is {2}")
    @CsvFileSource(resources = "go-durations.tsv", delimiter = '\t', numLinesToSkip = 1)
    void formatsAsGoDoes(String text, long nanos, String go) {
        assertThat(FluxDuration.format(Duration.ofNanos(nanos))).isEqualTo(go);
    }

    /** Parse keeps to the Flux CRDs' pattern and to whole milliseconds; Go reads finer and more forms. */
    @ParameterizedTest(name = "{0} as Flux writes it")
    @CsvFileSource(resources = "go-durations.tsv", delimiter = '\t', numLinesToSkip = 1)
    void parsesWhatTheFluxPatternAccepts(String text, long nanos, String go) {
        if (FluxDuration.isValid(text)) {
            assertThat(FluxDuration.parse(text)).isEqualTo(Duration.ofMillis(nanos / NANOS_PER_MILLI));
        }
        if (FluxDuration.isValid(go)) {
            assertThat(FluxDuration.parse(go)).as("Go's %s read back", go)
                    .isEqualTo(Duration.ofMillis(nanos / NANOS_PER_MILLI));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ns", "1us", "1\u00b5s", "-5m", "+5m", "0", ".5s", "5.s", "1h 30m", "10", ""})
    void rejectsWhatTheFluxPatternDoesNot(String text) {
        assertThat(FluxDuration.isValid(text)).isFalse();
        assertThatThrownBy(() -> FluxDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration like 90s, 5m or 1h");
    }
}
