package nl.datapoints.schemas;

/**
 * The 95% margin of error of a sum of released values (docs/privacy.md §4). Every released value
 * carries independent discrete Laplace noise of a known scale, so the noise of a sum has the sum of
 * their variances ({@link ReleaseBlock#variance}). The margin is z standard deviations of that
 * noise, z = 1.96 + 0.165 / sqrt(n) with n the effective number of noisy values ({@code (Σ var)² /
 * Σ var²}, Kish): a sum of Laplace noises is heavier-tailed than a normal one until many values are
 * summed, so one value needs z = 2.12 and z falls to 1.96 slowly; the tests check by exact
 * convolution that each covers at least 95%. Bounding (events dropped above the per-user-day cap)
 * is a bias the margin does not cover.
 */
public final class Margins {
  private Margins() {}

  /** The z for an effective number {@code n} of noisy values (0 for an exact sum). */
  public static double z(double n) {
    if (!(n >= 0)) {
      throw new IllegalArgumentException("effective number of noisy values must be >= 0, got " + n);
    }
    return n == 0 ? 0 : 1.96 + 0.165 / Math.sqrt(Math.max(1, n));
  }

  /**
   * The 95% margin of error, rounded up to a whole number of hits, of a sum of released values
   * whose noise variances add up to {@code sumVariance} and whose squares add up to {@code
   * sumSquaredVariance}.
   */
  public static long moe95(double sumVariance, double sumSquaredVariance) {
    if (!(sumVariance >= 0) || !(sumSquaredVariance >= 0)) {
      throw new IllegalArgumentException(
          "variance sums must be >= 0, got " + sumVariance + " and " + sumSquaredVariance);
    }
    if (sumVariance == 0) {
      return 0;
    }
    double n = sumVariance * sumVariance / sumSquaredVariance;
    return (long) Math.ceil(z(n) * Math.sqrt(sumVariance));
  }
}
