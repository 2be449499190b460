package nl.datapoints.etl.enrich;

import java.util.Arrays;

/** The arithmetic of {@link EnrichBreakdown}'s figures (pure; test sources, never in a task). */
final class BenchMath {
  private BenchMath() {}

  /** The median of the values (the mean of the middle two for an even count). */
  static double median(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Nanoseconds per item of a stage that took {@code nanos} over {@code items} items. */
  static double nsPer(long nanos, long items) {
    if (items <= 0) {
      throw new IllegalArgumentException("items must be positive, got " + items);
    }
    return (double) nanos / items;
  }
}
