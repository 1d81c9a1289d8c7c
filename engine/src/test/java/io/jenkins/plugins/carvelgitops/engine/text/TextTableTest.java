package io.jenkins.plugins.carvelgitops.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndTwoSpacesApart() {
        TextTable t = new TextTable("STAGE", "STATE", "DETAIL").row("staging", "ready", "-")
                .row("production", "timed out", "PackageInstall app: Reconciling");
        assertThat(t.lines("> ")).containsExactly(
                "> STAGE       STATE      DETAIL",
                "> staging     ready      -",
                "> production  timed out  PackageInstall app: Reconciling");
        assertThat(t.text("")).isEqualTo("""
                STAGE       STATE      DETAIL
                staging     ready      -
                production  timed out  PackageInstall app: Reconciling
                """);
    }

    @Test
    void noLineEndsInWhiteSpaceAndACellStaysOnItsLine() {
        TextTable t = new TextTable("A", "B").row("x", null).row("two\nlines\u001b[2J", "b");
        assertThat(t.lines("")).containsExactly(
                "A               B",
                "x",
                "two; lines [2J  b");
    }

    @Test
    void aRowMustFitTheHeader() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one"))
                .hasMessage("a row of 1 cells in a table of 2 columns");
        assertThatThrownBy(TextTable::new).hasMessage("a table needs at least one column");
    }
}
