package nl.datapoints.serving.core;

/**
 * The percentage change shown everywhere: {@code (hits - delta) / delta}, rounded to 4 decimals.
 */
final class Percentages {
  private Percentages() {}

  /** The change as a fraction, or null when delta is null or 0. */
  public static Double change(long hits, Long delta) {
    if (delta == null || delta == 0) {
      return null;
    }
    double f = (double) (hits - delta) / delta;
    return Math.round(f * 10_000.0) / 10_000.0;
  }
}
