package nl.datapoints.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated table as the sweeps write it: a header row, then one row per x value; blank and
 * {@code #} lines are skipped. An empty or {@code NaN} cell is a gap.
 *
 * @param name where it came from, for messages
 * @param header the column names
 * @param rows the data rows (a short row lacks its last cells)
 */
public record Tsv(String name, List<String> header, List<String[]> rows) {
  public Tsv {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** Reads {@code file}. */
  public static Tsv read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file));
  }

  /**
   * Parses the lines of a table.
   *
   * @throws IllegalArgumentException when there is no header and data row
   */
  public static Tsv parse(String name, List<String> lines) {
    List<String[]> rows = new ArrayList<>();
    for (String l : lines) {
      if (!l.isBlank() && !l.startsWith("#")) {
        rows.add(l.split("\t", -1));
      }
    }
    if (rows.size() < 2) {
      throw new IllegalArgumentException(
          name + ": need a header row and at least one data row, got " + rows.size() + " rows");
    }
    return new Tsv(name, Arrays.asList(rows.get(0)), rows.subList(1, rows.size()));
  }

  /** The index of column {@code column}. */
  public int column(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(name + ": no column '" + column + "' in " + header);
    }
    return i;
  }

  /** The column's cells as text ("" where a row is short). */
  public String[] strings(String column) {
    int c = column(column);
    return rows.stream().map(r -> c < r.length ? r[c] : "").toArray(String[]::new);
  }

  /** The column's cells as numbers, NaN for a gap. */
  public double[] numbers(String column) {
    String[] s = strings(column);
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      try {
        out[i] = s[i].isBlank() ? Double.NaN : Double.parseDouble(s[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            name
                + ": column '"
                + column
                + "' row "
                + (i + 1)
                + " must be a number, got '"
                + s[i]
                + "'",
            e);
      }
    }
    return out;
  }
}
