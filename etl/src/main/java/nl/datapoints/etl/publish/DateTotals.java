package nl.datapoints.etl.publish;

import java.time.LocalDate;
import java.util.List;
import nl.datapoints.etl.common.StageStats;

/**
 * What the HFile job wrote per date (pure): cells, hits and cells with a null delta. Reduce tasks
 * write them as {@link StageStats} lines ({@link #lines}); the driver reads the sums back ({@link
 * #of}).
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

  /** The figure lines of {@code date}. */
  List<String> lines(LocalDate date) {
    return List.of(
        StageStats.line(date, StageStats.CELLS_WRITTEN, cells),
        StageStats.line(date, StageStats.HITS_WRITTEN, hits),
        StageStats.line(date, StageStats.NULL_DELTAS, nullDeltas));
  }

  /** The totals of {@code date} summed over every reduce task; zero when none wrote it. */
  static DateTotals of(StageStats stats, LocalDate date) {
    return new DateTotals(
        stats.get(date, StageStats.CELLS_WRITTEN),
        stats.get(date, StageStats.HITS_WRITTEN),
        stats.get(date, StageStats.NULL_DELTAS));
  }
}
