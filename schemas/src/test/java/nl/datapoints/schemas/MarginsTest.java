package nl.datapoints.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarginsTest {
  /**
   * The exact pmf of discrete Laplace noise of scale b on [-m, m] (mass beyond m is below 1e-12).
   */
  private static double[] laplacePmf(double b, int m) {
    double q = Math.exp(-1 / b);
    double[] p = new double[2 * m + 1];
    for (int x = -m; x <= m; x++) {
      p[x + m] = (1 - q) / (1 + q) * Math.pow(q, Math.abs(x));
    }
    return p;
  }

  private static double[] convolve(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == 0) {
        continue;
      }
      for (int j = 0; j < b.length; j++) {
        out[i + j] += a[i] * b[j];
      }
    }
    return out;
  }

  /** P(|sum of n noises| <= moe95) computed exactly by convolution. */
  private static double coverage(double b, int n) {
    int m = (int) Math.ceil(b * 30) + 5;
    double[] one = laplacePmf(b, m);
    double[] sum = one;
    for (int i = 1; i < n; i++) {
      sum = convolve(sum, one);
    }
    double v = ReleaseBlock.variance(b);
    long moe = Margins.moe95(n * v, n * v * v);
    int centre = sum.length / 2;
    double covered = 0;
    for (int x = (int) -Math.min(moe, centre); x <= Math.min(moe, centre); x++) {
      covered += sum[centre + x];
    }
    return covered;
  }

  @Test
  void coversAtLeastNinetyFivePercentForOneTwoAndManyValues() {
    for (double b : new double[] {0.5, 1, 2.5, 8, 25, 57.1}) {
      for (int n : new int[] {1, 2, 3, 4, 8, 20}) {
        double c = coverage(b, n);
        assertTrue(c >= 0.95, "scale " + b + ", " + n + " values: coverage " + c);
        // Whole-hit rounding widens the margin of small scales; from a scale of 2.5 it stays tight.
        assertTrue(
            b < 2.5 || c <= 0.97,
            "scale " + b + ", " + n + " values: margin too wide, coverage " + c);
      }
    }
  }

  @Test
  void aSumDominatedByOneNoisyValueGetsTheMarginOfOne() {
    // 1 value of variance 100 plus 50 of variance 0.01: effectively one value.
    double sum = 100 + 50 * 0.01;
    double squares = 100 * 100 + 50 * 0.0001;
    assertEquals(
        (long) Math.ceil((1.96 + 0.165 / Math.sqrt(sum * sum / squares)) * Math.sqrt(sum)),
        Margins.moe95(sum, squares));
    assertTrue(Margins.moe95(sum, squares) >= Math.ceil(2.12 * Math.sqrt(sum)) - 1);
  }

  @Test
  void exactSumsHaveNoMargin() {
    assertEquals(0, Margins.moe95(0, 0));
    assertEquals(0, Margins.z(0));
  }

  @Test
  void roundsUpToWholeHits() {
    assertEquals(
        198, Margins.moe95(100 * 100, 100 * 100 * 100)); // 100 values of variance 100: 1.9765 * 100
    assertEquals(22, Margins.moe95(100, 100 * 100)); // 1 value: 2.125 * 10 = 21.25
  }

  @Test
  void rejectsNegativeInputs() {
    assertThrows(IllegalArgumentException.class, () -> Margins.moe95(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> Margins.z(-1));
  }
}
