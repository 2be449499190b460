package nl.datapoints.etl.release;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.datapoints.etl.common.JobConf;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.conf.Configuration;

/**
 * The privacy parameters of a release, validated once in the driver and carried to tasks in the job
 * configuration under {@value #PREFIX} (they are not secret): the budget ε per date and how it is
 * split over the levels, δ of the CELL selection, and the contribution bounds per user-day
 * (docs/privacy.md §2-3).
 *
 * <p>Bounds: at most {@code maxEvents} events per user-day (the rest dropped, chosen by a keyed
 * hash); then per level at most {@code maxCells} members (cells) per user-day and at most {@code
 * maxHits} hits per user per member. The L1 sensitivity of a level is therefore Δ = min(maxEvents,
 * maxCells × maxHits), and its noise has scale b = Δ / ε_level, kept as an exact ratio of integers
 * so the sampler needs no floating point.
 *
 * @param epsilon ε per date (per user-day), the sum over every level and the CELL selection
 * @param split share of ε of each level, and of the CELL selection under {@link #SELECT}; sums to 1
 * @param delta δ per date, spent by the CELL selection only
 * @param maxEvents events per user-day kept
 * @param maxCells members per user-day kept, per level
 * @param maxHits hits per user per member, per level
 */
public record PrivacyParams(
    BigDecimal epsilon,
    Map<String, BigDecimal> split,
    double delta,
    int maxEvents,
    Map<Level, Integer> maxCells,
    Map<Level, Integer> maxHits) {
  /** Prefix of every key this record writes into a Hadoop configuration. */
  public static final String PREFIX = "datapoints.release.";

  /** The split key of the CELL selection (partition selection) budget. */
  public static final String SELECT = "select";

  /** Bounds of the options (one definition, used by the CLI and here). */
  public static final BigDecimal MIN_EPSILON = new BigDecimal("0.01");

  public static final BigDecimal MAX_EPSILON = new BigDecimal("100");
  public static final double MIN_DELTA = 1e-15;
  public static final double MAX_DELTA = 1e-3;
  public static final int MAX_BOUND = 1000;

  /** Defaults, chosen from the data (docs/privacy.md §3). */
  public static final PrivacyParams DEFAULT =
      new PrivacyParams(
          new BigDecimal("1.0"),
          splitOf("total=0.35,hour=0.25,sbi=0.2,cell=0.1,select=0.1"),
          1e-8,
          10,
          perLevel("total=10,hour=10,sbi=10,cell=3"),
          perLevel("total=10,hour=10,sbi=10,cell=10"));

  public PrivacyParams {
    if (epsilon == null
        || epsilon.compareTo(MIN_EPSILON) < 0
        || epsilon.compareTo(MAX_EPSILON) > 0) {
      throw new IllegalArgumentException(
          "--epsilon must be in "
              + MIN_EPSILON
              + ".."
              + MAX_EPSILON
              + ", got "
              + (epsilon == null ? null : epsilon.toPlainString()));
    }
    if (!(delta >= MIN_DELTA && delta <= MAX_DELTA)) {
      throw new IllegalArgumentException(
          "--delta must be in " + MIN_DELTA + ".." + MAX_DELTA + ", got " + delta);
    }
    if (maxEvents < 1 || maxEvents > MAX_BOUND) {
      throw new IllegalArgumentException(
          "--max-events must be in 1.." + MAX_BOUND + ", got " + maxEvents);
    }
    if (split == null) {
      throw new IllegalArgumentException("--epsilon-split must be given");
    }
    // The split as given (in its order), for messages: a copied map has no order.
    String given = render(split);
    split = Map.copyOf(split);
    BigDecimal sum = BigDecimal.ZERO;
    for (Level l : Level.values()) {
      sum = sum.add(share(split, l.name().toLowerCase(), given));
    }
    sum = sum.add(share(split, SELECT, given));
    if (sum.compareTo(BigDecimal.ONE) != 0 || split.size() != Level.values().length + 1) {
      throw new IllegalArgumentException(
          "--epsilon-split must give total, hour, sbi, cell and select"
              + " shares that sum to 1, got "
              + given
              + " (sum "
              + sum.stripTrailingZeros().toPlainString()
              + ")");
    }
    maxCells = checkedLevels(maxCells, "--max-cells");
    maxHits = checkedLevels(maxHits, "--max-hits");
    checkSelection(epsilon.multiply(split.get(SELECT)), delta, maxCells.get(Level.CELL), given);
  }

  private static BigDecimal share(Map<String, BigDecimal> split, String key, String given) {
    BigDecimal v = split.get(key);
    if (v == null || v.signum() <= 0) {
      throw new IllegalArgumentException(
          "--epsilon-split must give total, hour, sbi, cell and select each a"
              + " share above 0, got "
              + given
              + " ("
              + key
              + (v == null ? " missing)" : " " + v.toPlainString() + ")"));
    }
    return v;
  }

  /**
   * The CELL selection must be able to keep a cell for sure at some number of users, else the
   * release job's tasks would refuse these parameters half-way through a run.
   */
  private static void checkSelection(
      BigDecimal selectEpsilon, double delta, int maxCells, String split) {
    try {
      new PartitionSelection(selectEpsilon.doubleValue(), delta, maxCells);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--epsilon-split "
              + split
              + " leaves the CELL selection epsilon "
              + selectEpsilon.stripTrailingZeros().toPlainString()
              + " for --max-cells cell="
              + maxCells
              + ", too little to ever keep a cell for sure; give select a larger share, or lower --max-cells cell");
    }
  }

  private static Map<Level, Integer> checkedLevels(Map<Level, Integer> m, String option) {
    EnumMap<Level, Integer> out = new EnumMap<>(Level.class);
    for (Level l : Level.values()) {
      Integer v = m.get(l);
      if (v == null || v < 1 || v > MAX_BOUND) {
        throw new IllegalArgumentException(
            option
                + " for "
                + l.name().toLowerCase()
                + " must be in 1.."
                + MAX_BOUND
                + ", got "
                + v);
      }
      out.put(l, v);
    }
    return out;
  }

  /** ε of a level's values. */
  public BigDecimal epsilonOf(Level level) {
    return epsilon.multiply(split.get(level.name().toLowerCase()));
  }

  /** ε of the CELL selection. */
  public BigDecimal selectionEpsilon() {
    return epsilon.multiply(split.get(SELECT));
  }

  /** L1 sensitivity of a level: what one user-day can change the level's values by, in all. */
  public long sensitivity(Level level) {
    return Math.min(maxEvents, (long) maxCells.get(level) * maxHits.get(level));
  }

  /** The noise scale b = Δ / ε of a level as an exact ratio {@code [t, s]} (b = t / s). */
  public long[] scaleRatio(Level level) {
    BigDecimal e = epsilonOf(level).stripTrailingZeros();
    BigInteger num = e.unscaledValue();
    BigInteger den = BigInteger.ONE;
    if (e.scale() > 0) {
      den = BigInteger.TEN.pow(e.scale());
    } else {
      num = num.multiply(BigInteger.TEN.pow(-e.scale()));
    }
    BigInteger t = BigInteger.valueOf(sensitivity(level)).multiply(den);
    BigInteger g = t.gcd(num);
    return new long[] {t.divide(g).longValueExact(), num.divide(g).longValueExact()};
  }

  /** The noise scale b = Δ / ε of a level. */
  public double scale(Level level) {
    long[] r = scaleRatio(level);
    return (double) r[0] / r[1];
  }

  /** {@code total=0.35,hour=0.25,…} → shares. */
  public static Map<String, BigDecimal> splitOf(String text) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs(text, "--epsilon-split").entrySet()) {
      try {
        out.put(e.getKey(), new BigDecimal(e.getValue()));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(
            "--epsilon-split share of "
                + e.getKey()
                + " must be a decimal, got '"
                + e.getValue()
                + "'");
      }
    }
    return out;
  }

  /** {@code total=10,hour=10,sbi=10,cell=3} → a value per level. */
  public static Map<Level, Integer> perLevel(String text) {
    return perLevel(text, null);
  }

  /**
   * As {@link #perLevel(String)}, for the value of {@code option} (e.g. {@code --max-cells}), which
   * every message then names.
   */
  public static Map<Level, Integer> perLevel(String text, String option) {
    String prefix = option == null ? "" : option + ": ";
    EnumMap<Level, Integer> out = new EnumMap<>(Level.class);
    for (Map.Entry<String, String> e :
        pairs(text, option == null ? "level bounds" : option).entrySet()) {
      Level l;
      try {
        l = Level.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            prefix + "a level must be total, hour, sbi or cell, got '" + e.getKey() + "'");
      }
      try {
        out.put(l, Integer.parseInt(e.getValue()));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(
            prefix
                + "the bound of "
                + e.getKey()
                + " must be a whole number, got '"
                + e.getValue()
                + "'");
      }
    }
    return out;
  }

  private static Map<String, String> pairs(String text, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new IllegalArgumentException(
            what + " must be name=value pairs separated by commas, got '" + text + "'");
      }
      if (out.put(p.substring(0, eq).strip().toLowerCase(), p.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException(
            what + " names " + p.substring(0, eq) + " twice in '" + text + "'");
      }
    }
    return out;
  }

  private static String render(Map<?, ?> m) {
    StringBuilder b = new StringBuilder();
    m.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : ",")
                .append(k.toString().toLowerCase())
                .append('=')
                .append(v instanceof BigDecimal d ? d.toPlainString() : v));
    return b.toString();
  }

  /** Writes the parameters into {@code conf} under {@value #PREFIX}. */
  public void writeTo(Configuration conf) {
    conf.set(PREFIX + "epsilon", epsilon.toPlainString());
    conf.set(PREFIX + "epsilon-split", render(split));
    conf.set(PREFIX + "delta", Double.toString(delta));
    conf.setInt(PREFIX + "max-events", maxEvents);
    conf.set(PREFIX + "max-cells", render(maxCells));
    conf.set(PREFIX + "max-hits", render(maxHits));
  }

  /** Reads what {@link #writeTo} wrote; a missing key is an error naming it. */
  public static PrivacyParams readFrom(Configuration conf) {
    return new PrivacyParams(
        new BigDecimal(required(conf, "epsilon")),
        splitOf(required(conf, "epsilon-split")),
        Double.parseDouble(required(conf, "delta")),
        Integer.parseInt(required(conf, "max-events")),
        perLevel(required(conf, "max-cells")),
        perLevel(required(conf, "max-hits")));
  }

  private static String required(Configuration conf, String key) {
    return JobConf.required(conf, PREFIX + key, " is not set; build the job with its Job class");
  }
}
