package nl.datapoints.etl.bench;

import java.util.Arrays;

/** The arithmetic of the ETL benchmark's figures (pure; used by the bench tools, not by tasks). */
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

  /** Megabytes (10^6 bytes) per second per core for {@code bytes} in {@code seconds} on {@code cores}. */
  static double mbPerSecondPerCore(long bytes, double seconds, int cores) {
    if (seconds <= 0 || cores <= 0) {
      throw new IllegalArgumentException("seconds and cores must be positive, got " + seconds
          + " and " + cores);
    }
    return bytes / 1e6 / seconds / cores;
  }

  /**
   * The cost of a stage measured as the difference between a run with it and a run without it,
   * never below zero (noise on a shared machine can make the difference negative).
   */
  static double increment(double withNs, double withoutNs) {
    return Math.max(0, withNs - withoutNs);
  }
}
