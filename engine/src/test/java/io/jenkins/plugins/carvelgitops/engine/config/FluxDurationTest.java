package io.jenkins.plugins.carvelgitops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Durations against what Go's time package (Flux's) makes of them. The table was printed by Go itself; see
 * engine/src/test/go/fluxduration/main.go for the command that regenerates it.
 */
class FluxDurationTest {

    @ParameterizedTest(name = "{0} is {1} ms, Go prints {2}")
    @CsvFileSource(resources = "go-durations.csv", numLinesToSkip = 1)
    void parsesAndFormatsAsGoDoes(String text, long millis, String go) {
        Duration parsed = FluxDuration.parse(text);
        assertThat(parsed.toMillis()).as("parse").isEqualTo(millis);
        String expected = go.replaceAll("(?<=h)0m", "").replaceAll("(?<=[hm])0s$", "");
        assertThat(FluxDuration.format(parsed)).as("Go's %s without its zero parts", go).isEqualTo(expected);
        assertThat(FluxDuration.parse(FluxDuration.format(parsed))).as("round trip").isEqualTo(parsed);
    }
}
