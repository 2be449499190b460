package nl.datapoints.etl.publish;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the HFile job wrote per date (pure): cells, hits and cells with a null delta. Reduce
 * tasks write one line per date ({@link #toLine}); the driver sums them ({@link #parseInto}).
 *
 * @param cells cells written
 * @param hits sum of their hits
 * @param nullDeltas cells whose delta was null
 */
record DateTotals(long cells, long hits, long nullDeltas) {
  static final DateTotals ZERO = new DateTotals(0, 0, 0);

  DateTotals plus(DateTotals o) {
    return new DateTotals(cells + o.cells, hits + o.hits, nullDeltas + o.nullDeltas);
  }

  /** {@code YYYY-MM-DD \t cells \t hits \t nullDeltas}. */
  static String toLine(LocalDate date, DateTotals t) {
    return date + "\t" + t.cells + "\t" + t.hits + "\t" + t.nullDeltas;
  }

  /** Adds one line written by {@link #toLine} to {@code sums}; a malformed line is an IllegalStateException. */
  static void parseInto(String line, Map<LocalDate, DateTotals> sums) {
    String[] f = line.split("\t");
    if (f.length != 4) {
      throw new IllegalStateException("publish stats line must have 4 fields, got '" + line + "'");
    }
    DateTotals t = new DateTotals(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
    sums.merge(LocalDate.parse(f[0]), t, DateTotals::plus);
  }

  static Map<LocalDate, DateTotals> newMap() {
    return new TreeMap<>();
  }
}
