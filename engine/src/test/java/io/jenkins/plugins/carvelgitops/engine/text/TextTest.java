package io.jenkins.plugins.carvelgitops.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void c0DelAndC1ControlsBecomeSpacesButLinesAndTabsStay() {
        assertThat(Text.withoutControls("a\u001b[2Jb\u0007c\u007fd\u009b31me\u0085f\rg\n\th"))
                .isEqualTo("a [2Jb c d 31me f g\n\th");
        assertThat(Text.withoutControls("plain text, caf\u00e9 \u00a0")).isEqualTo("plain text, caf\u00e9 \u00a0");
    }

    @Test
    void oneLineFoldsLinesAndDropsControls() {
        assertThat(Text.oneLine(" a\u001b[31mred\r\nnext\u0007 \u009b2J")).isEqualTo("a [31mred; next   2J");
    }
}
