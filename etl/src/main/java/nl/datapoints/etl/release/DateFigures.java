package nl.datapoints.etl.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.common.StageStats;

/**
 * Per-date figures one task of the bound or release job adds up (pure), written at the end of the
 * task as {@link StageStats} lines; the driver sums them over tasks. Every metric of every date of
 * the batch is written, zeros included.
 */
final class DateFigures {
  private final List<LocalDate> dates;
  private final Map<String, long[]> byMetric = new LinkedHashMap<>();

  DateFigures(List<LocalDate> dates, List<String> metrics) {
    this.dates = List.copyOf(dates);
    for (String m : metrics) {
      byMetric.put(m, new long[dates.size()]);
    }
  }

  /**
   * Adds {@code v} to {@code metric} of the date at {@code dateIndex} (wrapping on overflow, for
   * digests).
   */
  void add(int dateIndex, String metric, long v) {
    long[] a = byMetric.get(metric);
    if (a == null) {
      throw new IllegalArgumentException(
          "unknown metric " + metric + "; known: " + byMetric.keySet());
    }
    a[dateIndex] += v;
  }

  /** One {@link StageStats#line} per date and metric. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      for (Map.Entry<String, long[]> e : byMetric.entrySet()) {
        out.add(StageStats.line(dates.get(i), e.getKey(), e.getValue()[i]));
      }
    }
    return out;
  }
}
