package nl.datapoints.bench.data;

import java.util.List;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;

/**
 * The peers' copy of a release (pure): one CSV table per level, keyed by date and pc4, with each
 * value's noise variance, so that a peer sums exactly what the service sums — Σ hits, Σ variance
 * and Σ variance² of the values a query covers ({@code nl.datapoints.schemas.Margins}) — in SQL.
 *
 * <ul>
 *   <li>{@code total.csv}: {@code date,pc4,hits,hits_var,delta,delta_var}
 *   <li>{@code hour.csv}: {@code date,pc4,hour,…}; {@code sbi.csv}: {@code date,pc4,sbi,…}; {@code
 *       cell.csv}: {@code date,pc4,hour,activity,sbi,…}
 *   <li>{@code dates.csv}: {@code date,baseline} — whether the date's deltas are released (the
 *       service reads this from the date's generation: no baseline, every delta null).
 * </ul>
 *
 * An empty field is SQL NULL, and NULL is what a sum skips: {@code hits} and {@code hits_var} are
 * empty for a value that is not released (a CELL kept only for its delta), {@code delta} and {@code
 * delta_var} for a delta that is not released (no baseline, or an exact 0 because the member had no
 * value on D−7) — the service's rule: a value not released adds nothing, not even variance.
 * Variances are {@link ReleaseBlock#variance} of the value's scale, written with {@link
 * Double#toString} (shortest exact round trip), so the peer's doubles are the service's doubles.
 */
final class ReleaseCsv {
  /** File name and header of each level's table, in {@link Level} order. */
  static final List<String> FILES = List.of("total.csv", "hour.csv", "sbi.csv", "cell.csv");

  static final List<String> HEADERS =
      List.of(
          "date,pc4,hits,hits_var,delta,delta_var",
          "date,pc4,hour,hits,hits_var,delta,delta_var",
          "date,pc4,sbi,hits,hits_var,delta,delta_var",
          "date,pc4,hour,activity,sbi,hits,hits_var,delta,delta_var");

  static final String DATES = "dates.csv";
  static final String DATES_HEADER = "date,baseline";

  private ReleaseCsv() {}

  /** The file (index into {@link #FILES}) a value's line goes to. */
  static int fileOf(ReleasedValue v) {
    return v.getLevel().ordinal();
  }

  /** One CSV line of {@code v} (without the newline) into {@code b}. */
  static StringBuilder line(StringBuilder b, ReleasedValue v) {
    b.append(v.getDate()).append(',').append(v.getPc4()).append(',');
    Level l = v.getLevel();
    if (l == Level.HOUR || l == Level.CELL) {
      b.append(v.getHour()).append(',');
    }
    if (l == Level.CELL) {
      b.append(v.getActivity()).append(',');
    }
    if (l == Level.SBI || l == Level.CELL) {
      b.append(v.getSbi()).append(',');
    }
    if (v.getReleased()) {
      b.append(v.getHits()).append(',').append(ReleaseBlock.variance(v.getHitsScale()));
    } else {
      b.append(',');
    }
    b.append(',');
    if (deltaReleased(v)) {
      b.append(v.getDelta()).append(',').append(ReleaseBlock.variance(v.getDeltaScale()));
    } else {
      b.append(',');
    }
    return b;
  }

  /** The publish's rule ({@code RowBlocks}): a delta is released when it has a positive scale. */
  static boolean deltaReleased(ReleasedValue v) {
    return v.getDelta() != null && v.getDeltaScale() != null && v.getDeltaScale() > 0;
  }
}
