package nl.datapoints.etl.common;

/**
 * The allowed values of one whole-number command-line option, defined once by the config record
 * that owns the option and used by the CLI and that record alike, so that both accept the same
 * values and a mistake gets the same message wherever it is caught.
 *
 * @param option the option's name without the leading {@code --}
 * @param min the smallest allowed value
 * @param max the largest allowed value
 */
public record WholeRange(String option, long min, long max) {
  public WholeRange {
    if (min > max) {
      throw new IllegalArgumentException("range of --" + option + " is empty: " + min + ".." + max);
    }
  }

  public boolean contains(long v) {
    return v >= min && v <= max;
  }

  /** The one message of a value the option does not take, {@code given} as the user wrote it. */
  public String violation(String given) {
    return "--" + option + " must be a whole number in " + this + ", got " + given;
  }

  /** Returns {@code v}, or throws an IllegalArgumentException with {@link #violation}. */
  public long check(long v) {
    if (!contains(v)) {
      throw new IllegalArgumentException(violation(Long.toString(v)));
    }
    return v;
  }

  /** As {@link #check(long)} for an int option. */
  public int check(int v) {
    return (int) check((long) v);
  }

  /** {@code min..max}. */
  @Override
  public String toString() {
    return min + ".." + max;
  }
}
