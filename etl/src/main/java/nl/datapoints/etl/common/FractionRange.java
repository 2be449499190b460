package nl.datapoints.etl.common;

import java.math.BigDecimal;

/**
 * The allowed values of one fraction command-line option (NaN never), defined once by the config
 * record that owns the option and used by the CLI and that record alike; see {@link WholeRange}.
 *
 * @param option the option's name without the leading {@code --}
 * @param min the smallest allowed value
 * @param max the largest allowed value
 */
public record FractionRange(String option, double min, double max) {
  public FractionRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException("range of --" + option + " is empty: " + min + ".." + max);
    }
  }

  public boolean contains(double v) {
    return v >= min && v <= max;
  }

  /** The one message of a value the option does not take, {@code given} as the user wrote it. */
  public String violation(String given) {
    return "--" + option + " must be a fraction in " + this + ", got " + given;
  }

  /** Returns {@code v}, or throws an IllegalArgumentException with {@link #violation}. */
  public double check(double v) {
    if (!contains(v)) {
      throw new IllegalArgumentException(violation(Double.toString(v)));
    }
    return v;
  }

  /** {@code min..max} in the shortest spelling, e.g. {@code 0..0.5}. */
  @Override
  public String toString() {
    return plain(min) + ".." + plain(max);
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
