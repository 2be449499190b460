package nl.datapoints.bench.stats;

/** The ordinary least-squares line y = intercept + slope · x through points (pure). */
public final class LeastSquares {
  private LeastSquares() {}

  /**
   * A fitted line.
   *
   * @param intercept y at x = 0 (for cost against input size: the fixed cost)
   * @param slope dy/dx (the marginal cost per unit of x)
   */
  public record Line(double intercept, double slope) {
    /** y on the line at {@code x}. */
    public double at(double x) {
      return intercept + slope * x;
    }
  }

  /**
   * Fits {@code y} against {@code x}; a pair with a NaN is left out.
   *
   * @throws IllegalArgumentException when the arrays differ in length, or fewer than two distinct x
   *     values remain
   */
  public static Line fit(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have as many values, got " + x.length + " and " + y.length);
    }
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        n++;
        sx += x[i];
        sy += y[i];
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException("a line needs at least two points, got " + n);
    }
    double mx = sx / n;
    double my = sy / n;
    // Centred sums: no cancellation when x is large and its spread small.
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
      }
    }
    if (sxx == 0) {
      throw new IllegalArgumentException(
          "a line needs at least two distinct x values, got only " + mx);
    }
    double slope = sxy / sxx;
    return new Line(my - slope * mx, slope);
  }
}
