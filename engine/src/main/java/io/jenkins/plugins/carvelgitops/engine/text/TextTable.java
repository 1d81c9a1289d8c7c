package io.jenkins.plugins.carvelgitops.engine.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of text in left-aligned columns two spaces apart, the last column unpadded and no line ending in
 * white space. Every cell goes through {@link Text#oneLine}, so a value from elsewhere cannot break the
 * table or the terminal.
 */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** A table whose first row is {@code header}; its length is the number of columns. */
    public TextTable(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = header.length;
        row(header);
    }

    /** Adds a row of exactly as many cells as the header has; a null cell is empty. */
    public TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns
                    + " columns");
        }
        rows.add(Arrays.stream(cells).map(Text::oneLine).toArray(String[]::new));
        return this;
    }

    /** The header and the rows, each line starting with {@code indent}. */
    public List<String> lines(String indent) {
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder(indent);
            for (int i = 0; i < columns - 1; i++) {
                sb.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            lines.add(sb.append(row[columns - 1]).toString().stripTrailing());
        }
        return lines;
    }

    /** {@link #lines} with a newline after each. */
    public String text(String indent) {
        StringBuilder sb = new StringBuilder();
        lines(indent).forEach(line -> sb.append(line).append('\n'));
        return sb.toString();
    }
}
