package nl.datapoints.etl.release;

/**
 * Exact sampling of discrete Laplace noise (pure): P(X = x) ∝ exp(-|x| / b) for integer x, with the
 * scale b = t / s a ratio of integers. It follows Canonne, Kamath and Steinke, "The Discrete
 * Gaussian for Differential Privacy" (2020), Algorithm 2, with the Bernoulli(exp(-γ)) sampler of
 * their Algorithm 1: every step is integer arithmetic on uniform draws, so the noise has no
 * floating-point artefacts (the attacks on naive floating-point Laplace noise do not apply).
 *
 * <p>Adding it to an integer sum of L1 sensitivity Δ with b = Δ / ε gives ε-differential privacy.
 */
final class DiscreteLaplace {
  private DiscreteLaplace() {}

  /** One draw of scale {@code t / s} (both positive) from {@code rnd}. */
  static long sample(NoiseStream rnd, long s, long t) {
    if (s < 1 || t < 1) {
      throw new IllegalArgumentException(
          "discrete Laplace scale t/s needs positive s and t, got " + t + "/" + s);
    }
    while (true) {
      long u = rnd.uniform(t);
      if (!bernoulliExp(rnd, u, t)) {
        continue;
      }
      long v = 0;
      while (bernoulliExp(rnd, 1, 1)) {
        v++;
      }
      long x = u + t * v;
      long y = x / s;
      boolean negative = rnd.bernoulli(1, 2);
      if (negative && y == 0) {
        continue;
      }
      return negative ? -y : y;
    }
  }

  /** True with probability exactly exp(-num / den), num >= 0, den >= 1. */
  static boolean bernoulliExp(NoiseStream rnd, long num, long den) {
    if (num < 0 || den < 1) {
      throw new IllegalArgumentException(
          "bernoulliExp needs num >= 0 and den >= 1, got " + num + "/" + den);
    }
    long whole = num / den;
    for (long i = 0; i < whole; i++) {
      if (!bernoulliExpAtMostOne(rnd, 1, 1)) {
        return false;
      }
    }
    return bernoulliExpAtMostOne(rnd, num - whole * den, den);
  }

  /**
   * exp(-γ) for γ = num / den in [0, 1]: K = first k with Bernoulli(γ / k) = 0; true when K is odd.
   */
  private static boolean bernoulliExpAtMostOne(NoiseStream rnd, long num, long den) {
    long k = 1;
    while (rnd.bernoulli(num, Math.multiplyExact(den, k))) {
      k++;
    }
    return (k & 1) == 1;
  }
}
