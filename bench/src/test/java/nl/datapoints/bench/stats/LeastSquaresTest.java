package nl.datapoints.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {
  @Test
  void recoversAnExactLine() {
    LeastSquares.Line l =
        LeastSquares.fit(new double[] {40, 80, 160, 320}, new double[] {14, 24, 44, 84});
    assertEquals(4.0, l.intercept(), 1e-9);
    assertEquals(0.25, l.slope(), 1e-12);
    assertEquals(104.0, l.at(400), 1e-9);
  }

  @Test
  void fitsTheLineOfLeastSquaredErrorThroughNoisyPoints() {
    // y = 1 + 2x with residuals +1, -1, -1, +1: symmetric, so the fit is the line itself.
    LeastSquares.Line l = LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {2, 2, 4, 8});
    assertEquals(2.0, l.slope(), 1e-12);
    assertEquals(1.0, l.intercept(), 1e-12);
  }

  @Test
  void leavesOutPairsWithAGapAndStaysAccurateForLargeX() {
    LeastSquares.Line l =
        LeastSquares.fit(
            new double[] {1e9, 1e9 + 1, Double.NaN, 1e9 + 2}, new double[] {5, 7, 100, 9});
    assertEquals(2.0, l.slope(), 1e-6);
    assertEquals(5.0, l.at(1e9), 1e-3);
  }

  @Test
  void needsTwoDistinctX() {
    assertEquals(
        "a line needs at least two points, got 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> LeastSquares.fit(new double[] {1, Double.NaN}, new double[] {1, 2}))
            .getMessage());
    assertEquals(
        "a line needs at least two distinct x values, got only 3.0",
        assertThrows(
                IllegalArgumentException.class,
                () -> LeastSquares.fit(new double[] {3, 3}, new double[] {1, 2}))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LeastSquares.fit(new double[] {1, 2}, new double[] {1}));
  }

  @Test
  void fitDescribesTheLineAsFixedCostAndMarginalRate() {
    assertEquals(
        "least squares: cpu s = 4.0 + MB / 4.00  (fixed cost 4.0 cpu s; marginal 4.00 MB per cpu s)",
        Fit.describe(new LeastSquares.Line(4, 0.25), "MB", "cpu s"));
    assertEquals(
        "least squares: cpu s = 4.0 + -0.2500 * MB  (no positive marginal cost)",
        Fit.describe(new LeastSquares.Line(4, -0.25), "MB", "cpu s"));
  }
}
