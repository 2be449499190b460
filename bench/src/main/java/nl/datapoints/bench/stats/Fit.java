package nl.datapoints.bench.stats;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.bench.common.Tsv;

/**
 * Prints the least-squares line of one TSV column against another, read as a cost model {@code y =
 * fixed + x / rate} (a tool of {@code scripts/bench/etl-scaling}): {@code Fit --in FILE.tsv --x
 * COLUMN --y COLUMN}.
 */
public final class Fit {
  private Fit() {}

  public static void main(String[] args) throws Exception {
    Cli.main("fit", args, Fit::run);
  }

  static int run(List<String> args) throws Exception {
    Options o = Options.parse(args, Set.of("in", "x", "y"), Set.of());
    Tsv t = Tsv.read(Path.of(o.string("in")));
    String x = o.string("x");
    String y = o.string("y");
    System.out.println(describe(LeastSquares.fit(t.numbers(x), t.numbers(y)), x, y));
    return 0;
  }

  /** The line as a fixed cost plus a marginal rate, e.g. {@code cpu s = 4.1 + MB / 9.80}. */
  static String describe(LeastSquares.Line line, String x, String y) {
    if (!(line.slope() > 0)) {
      return String.format(
          Locale.ROOT,
          "least squares: %s = %.1f + %.4f * %s  (no positive marginal cost)",
          y,
          line.intercept(),
          line.slope(),
          x);
    }
    double rate = 1 / line.slope();
    return String.format(
        Locale.ROOT,
        "least squares: %s = %.1f + %s / %.2f  (fixed cost %.1f %s; marginal %.2f %s per %s)",
        y,
        line.intercept(),
        x,
        rate,
        line.intercept(),
        y,
        rate,
        x,
        y);
  }
}
