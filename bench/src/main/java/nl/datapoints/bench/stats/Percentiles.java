package nl.datapoints.bench.stats;

/**
 * Percentiles of measured latencies by nearest rank (pure): the value a fraction q of the runs did
 * not exceed.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The nearest-rank {@code q}-quantile of {@code sorted} (ascending): the smallest value with at
   * least {@code q} of the values at or below it; NaN when there are none.
   *
   * @param q in (0, 1]
   */
  public static double nearestRank(long[] sorted, double q) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("a quantile must be in (0, 1], got " + q);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** {@link #nearestRank} of nanosecond values, in milliseconds. */
  public static double millis(long[] sortedNanos, double q) {
    return nearestRank(sortedNanos, q) / 1e6;
  }
}
