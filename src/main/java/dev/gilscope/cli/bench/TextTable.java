package dev.gilscope.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns: a column whose header starts with '&lt;' is left-aligned
 * (the marker is not printed), every other column right-aligned.
 */
final class TextTable {

    private final String[] headers;
    private final boolean[] left;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = new String[headers.length];
        this.left = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            left[i] = headers[i].startsWith("<");
            this.headers[i] = left[i] ? headers[i].substring(1) : headers[i];
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "–" : c.toString()).toArray(String[]::new));
        return this;
    }

    void print(PrintStream out) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) width[i] = headers[i].length();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        }
        out.println(line(headers, width));
        for (String[] row : rows) out.println(line(row, width));
    }

    private String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append("  ");
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(left[i] ? cells[i] + pad : pad + cells[i]);
        }
        return sb.toString().stripTrailing();
    }
}
