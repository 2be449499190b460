package nl.datapoints.bench.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The cells of the dense data set (pure, deterministic for a seed), obeying the published contract:
 *
 * <ul>
 *   <li>every postcode4 has a stable repertoire of (hour, activity, sbi) cells, bigger for some
 *       postcodes than others (log-normal size); each date publishes a random 80 % of it with hits
 *       ≥ 5 (the k threshold), so week-on-week most cells recur;
 *   <li>a cell published on D-7 and not on D is published on D with hits 0 (carry-over);
 *   <li>delta = the cell's hits on D-7 (0 if it was not published then), null on the first seven
 *       days (their D-7 lies before the set: no baseline).
 * </ul>
 *
 * The hits of day d depend only on (seed, d, postcode), so processes that share the days write the
 * same cells as one process.
 */
final class DenseModel {
  static final int[] ACTIVITIES = {1, 2, 3, 7, 12};
  static final double[] ACTIVITY_WEIGHTS = {0.55, 0.05, 0.10, 0.15, 0.15};

  /** Relative activity per local hour: night trough, lunch and late-afternoon peaks. */
  static final double[] HOUR_WEIGHTS = {
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 1.8, 2.0, 2.4,
    2.8, 2.5, 2.1, 2.0, 2.3, 2.7, 2.4, 1.8, 1.3, 0.9, 0.6, 0.4
  };

  /** The share of a postcode's repertoire published on a date. */
  static final double PRESENT = 0.8;

  /** The k threshold: a published cell has at least this many hits. */
  static final int MIN_HITS = 5;

  /** Days before a date whose cells are its baseline. */
  static final int BASELINE_DAYS = 7;

  /** One repertoire cell of a postcode. */
  record Key(int hour, int activity, String sbi) {}

  /**
   * One published cell of a day.
   *
   * @param delta the baseline's hits, null when the day has none
   */
  record DenseCell(int pc4, Key key, long hits, Long delta) {}

  private final long seed;
  private final int[] pc4s;
  private final List<List<Key>> repertoire = new ArrayList<>();
  private final List<double[]> rates = new ArrayList<>();

  /**
   * Draws every postcode's repertoire.
   *
   * @param pc4s the postcodes, in the order their cells are written
   * @param sbiCodes the SBI codes, drawn with {@code sbiWeights}
   * @param perPc4Day the mean number of published cells per postcode-day (present + carried over)
   */
  DenseModel(long seed, int[] pc4s, List<String> sbiCodes, double[] sbiWeights, double perPc4Day) {
    if (sbiCodes.isEmpty() || sbiCodes.size() != sbiWeights.length) {
      throw new IllegalArgumentException(
          "need at least one SBI code, with one weight each; got "
              + sbiCodes.size()
              + " codes and "
              + sbiWeights.length
              + " weights");
    }
    if (!(perPc4Day > 0)) {
      throw new IllegalArgumentException("cells per pc4-day must be positive, got " + perPc4Day);
    }
    this.seed = seed;
    this.pc4s = pc4s.clone();
    // Repertoire size so that present + carried-over cells average perPc4Day:
    // present = PRESENT * M, carried = PRESENT * (1 - PRESENT) * M.
    double meanRepertoire = perPc4Day / (PRESENT * (2 - PRESENT));
    int maxKeys = 24 * ACTIVITIES.length * sbiCodes.size();
    SplittableRandom r0 = new SplittableRandom(seed);
    for (int i = 0; i < pc4s.length; i++) {
      SplittableRandom r = r0.split();
      double size = Math.exp(0.6 * gaussian(r) - 0.18); // log-normal, mean ~1
      int m = (int) Math.min(maxKeys, Math.round(meanRepertoire * size));
      Set<Key> keys = new LinkedHashSet<>();
      for (int tries = 0; keys.size() < m && tries < m * 20; tries++) {
        keys.add(
            new Key(
                pick(r, HOUR_WEIGHTS),
                ACTIVITIES[pick(r, ACTIVITY_WEIGHTS)],
                sbiCodes.get(pick(r, sbiWeights))));
      }
      List<Key> list = new ArrayList<>(keys);
      double[] rate = new double[list.size()];
      for (int j = 0; j < rate.length; j++) {
        rate[j] = Math.exp(1.2 + 1.0 * gaussian(r)); // mean hits above the threshold
      }
      repertoire.add(list);
      rates.add(rate);
    }
  }

  int postcodes() {
    return pc4s.length;
  }

  /** The published cells of day {@code d} (0 = the first day) for postcode index {@code i}. */
  List<DenseCell> cells(int d, int i) {
    if (d < 0) {
      throw new IllegalArgumentException("day must be >= 0, got " + d);
    }
    boolean baseline = d >= BASELINE_DAYS;
    long[] today = hits(d, i);
    long[] weekAgo = baseline ? hits(d - BASELINE_DAYS, i) : null;
    List<Key> keys = repertoire.get(i);
    List<DenseCell> out = new ArrayList<>();
    for (int j = 0; j < keys.size(); j++) {
      long h = today[j];
      long before = baseline ? weekAgo[j] : 0;
      if (h == 0 && before == 0) {
        continue;
      }
      out.add(new DenseCell(pc4s[i], keys.get(j), h, baseline ? Long.valueOf(before) : null));
    }
    return out;
  }

  /** Hits of every repertoire cell of postcode {@code i} on day {@code d}; 0 = not published. */
  long[] hits(int d, int i) {
    double[] rate = rates.get(i);
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + d * 100_003L + i);
    long[] out = new long[rate.length];
    for (int j = 0; j < rate.length; j++) {
      if (r.nextDouble() < PRESENT) {
        out[j] = MIN_HITS + (long) Math.floor(rate[j] * -Math.log(1 - r.nextDouble()));
      }
    }
    return out;
  }

  static int pick(SplittableRandom r, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double x = r.nextDouble() * sum;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
