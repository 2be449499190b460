package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nl.datapoints.schemas.ReleaseBlock;
import org.junit.jupiter.api.Test;

class DiscreteLaplaceTest {
  private static final NoiseStream RND = new NoiseStream(NoiseStreamTest.KEY);

  @Test
  void hasMeanZeroAndTheVarianceOfItsScale() {
    for (long[] ts : new long[][] {{1, 1}, {200, 7}, {40, 1}}) {
      RND.reset(new byte[] {(byte) ts[0], (byte) ts[1]});
      int n = 60_000;
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < n; i++) {
        long x = DiscreteLaplace.sample(RND, ts[1], ts[0]);
        sum += x;
        sq += (double) x * x;
      }
      double b = (double) ts[0] / ts[1];
      double var = ReleaseBlock.variance(b);
      assertEquals(0, sum / n, 5 * Math.sqrt(var / n), "mean, scale " + b);
      assertEquals(var, sq / n, var * 0.05, "variance, scale " + b);
    }
  }

  @Test
  void zeroHasItsExactProbability() {
    // b = 2: P(0) = (1 - q) / (1 + q) with q = e^-1/2.
    RND.reset(new byte[] {42});
    int n = 100_000;
    int zeros = 0;
    int positive = 0;
    for (int i = 0; i < n; i++) {
      long x = DiscreteLaplace.sample(RND, 1, 2);
      zeros += x == 0 ? 1 : 0;
      positive += x > 0 ? 1 : 0;
    }
    double q = Math.exp(-0.5);
    assertEquals((1 - q) / (1 + q), zeros / (double) n, 0.005);
    assertEquals((n - zeros) / 2.0, positive, 4 * Math.sqrt(n / 4.0), "symmetric");
  }

  @Test
  void bernoulliExpHitsExpOfMinusGamma() {
    RND.reset(new byte[] {7});
    for (long[] g : new long[][] {{0, 1}, {1, 2}, {1, 1}, {27, 10}}) {
      int n = 50_000;
      int yes = 0;
      for (int i = 0; i < n; i++) {
        yes += DiscreteLaplace.bernoulliExp(RND, g[0], g[1]) ? 1 : 0;
      }
      double p = Math.exp(-(double) g[0] / g[1]);
      assertEquals(
          p, yes / (double) n, 4 * Math.sqrt(p * (1 - p) / n) + 1e-9, "gamma " + g[0] + "/" + g[1]);
    }
  }

  @Test
  void theSameStreamGivesTheSameNoise() {
    long a =
        DiscreteLaplace.sample(new NoiseStream(NoiseStreamTest.KEY).reset(new byte[] {5}), 7, 200);
    long b =
        DiscreteLaplace.sample(new NoiseStream(NoiseStreamTest.KEY).reset(new byte[] {5}), 7, 200);
    assertEquals(a, b);
  }

  @Test
  void rejectsAScaleThatIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> DiscreteLaplace.sample(RND, 0, 3));
  }
}
