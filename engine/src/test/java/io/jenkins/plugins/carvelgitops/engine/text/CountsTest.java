package io.jenkins.plugins.carvelgitops.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Counts.of(1, "file")).isEqualTo("1 file");
        assertThat(Counts.of(0, "file")).isEqualTo("0 files");
        assertThat(Counts.of(8, "Flux object")).isEqualTo("8 Flux objects");
    }
}
