package dev.lockbox.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
final class Table {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  Table(String... header) {
    columns = header.length;
    rows.add(header);
  }

  Table row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "expected " + columns + " cells, got " + Arrays.toString(cells));
    }
    rows.add(cells);
    return this;
  }

  Table row(String first, Latencies.Summary s, String... more) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                first,
                Format.millis(s.p50()),
                Format.millis(s.p90()),
                Format.millis(s.p99()),
                Format.millis(s.max()),
                Format.millis(s.mean())));
    cells.addAll(List.of(more));
    return row(cells.toArray(String[]::new));
  }

  @Override
  public String toString() {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[i] - row[i].length());
        line.append(i == 0 ? row[i] + pad : pad + row[i]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = Arrays.stream(widths).sum() + 2 * (columns - 1);
        out.append("-".repeat(total)).append('\n');
      }
    }
    return out.toString();
  }
}
