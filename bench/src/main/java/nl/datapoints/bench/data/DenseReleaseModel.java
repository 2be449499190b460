package nl.datapoints.bench.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;

/**
 * The differentially private release of the dense data set (pure, deterministic for a seed), in the
 * shape the release stage writes (docs/formats.md §4.6):
 *
 * <ul>
 *   <li>every postcode4 of the gazetteer gets, every date, its TOTAL, the 24 HOURs and every SBI of
 *       the public domain, zeros included: a true count (Poisson around the postcode's busyness,
 *       its hour profile and SBI mix, the weekday) plus discrete Laplace noise of the level's
 *       scale;
 *   <li>a few CELLs (hour × activity × SBI) per postcode-day, the busiest members of the postcode,
 *       as partition selection keeps them: on average {@code cellsPerPc4Day}, more in busier
 *       postcodes, a different draw every date (so some recur a week later, some do not);
 *   <li>delta = the released value of the same member on D−7 (0 with scale 0 when it had none
 *       there); a CELL released on D−7 and not on D is kept with {@code released = false} and hits
 *       0; without D−7 in the set (its first seven days) every delta is null.
 * </ul>
 *
 * The values of day d depend only on (seed, d, postcode), so processes that share the days write
 * the same release as one process, and day d−7 is recomputed rather than read back. The noise is
 * drawn from {@link SplittableRandom}, not from the release's keyed PRF: this data set carries no
 * privacy, only the release's shape and magnitudes.
 */
final class DenseReleaseModel {
  static final int[] ACTIVITIES = {1, 2, 3, 7, 12};
  static final double[] ACTIVITY_WEIGHTS = {0.55, 0.05, 0.10, 0.15, 0.15};

  /** Relative activity per local hour: night trough, lunch and late-afternoon peaks. */
  static final double[] HOUR_WEIGHTS = {
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 1.8, 2.0, 2.4,
    2.8, 2.5, 2.1, 2.0, 2.3, 2.7, 2.4, 1.8, 1.3, 0.9, 0.6, 0.4
  };

  /** Relative busyness Monday..Sunday. */
  static final double[] WEEKDAY = {0.95, 0.95, 1.0, 1.0, 1.1, 1.2, 0.8};

  /** Days before a date whose release is its baseline. */
  static final int BASELINE_DAYS = 7;

  /** The busiest members of a postcode that partition selection may keep, at most. */
  static final int CELL_CANDIDATES = 40;

  /**
   * One member of a level, ordered by level, hour, activity, SBI (the release's order).
   *
   * @param hour 0-23 (HOUR, CELL), else -1
   * @param activity activity id (CELL), else 0
   * @param sbi SBI code (SBI, CELL), else ""
   */
  record Member(Level level, int hour, int activity, String sbi) implements Comparable<Member> {
    @Override
    public int compareTo(Member o) {
      int c = level.compareTo(o.level);
      if (c == 0) {
        c = Integer.compare(hour, o.hour);
      }
      if (c == 0) {
        c = Integer.compare(activity, o.activity);
      }
      return c == 0 ? sbi.compareTo(o.sbi) : c;
    }
  }

  private final long seed;
  private final LocalDate from;
  private final int[] pc4s;
  private final List<String> sbis;
  private final double meanEvents;
  private final double cellsPerPc4Day;
  private final Map<Level, Double> scales;
  private final double[] size;
  private final double[][] hourShare;
  private final double[][] sbiShare;
  private final Member[][] candidates;
  private final double[][] candidateShare;

  /**
   * Draws every postcode's busyness, hour profile, SBI mix and busiest cells.
   *
   * @param from the date of day 0
   * @param pc4s the gazetteer, ascending (the order values are written in)
   * @param sbiDomain the public SBI domain, ascending
   * @param sbiWeights the relative weight of each SBI code (merchants per code; may be 0)
   * @param eventsPerDay events of a whole day over every postcode
   * @param cellsPerPc4Day the mean number of selected CELLs per postcode-day
   * @param scales the noise scale b of each level
   */
  DenseReleaseModel(
      long seed,
      LocalDate from,
      int[] pc4s,
      List<String> sbiDomain,
      double[] sbiWeights,
      double eventsPerDay,
      double cellsPerPc4Day,
      Map<Level, Double> scales) {
    if (pc4s.length == 0 || sbiDomain.isEmpty() || sbiDomain.size() != sbiWeights.length) {
      throw new IllegalArgumentException(
          "need at least one postcode and one SBI code with one weight each; got "
              + pc4s.length
              + " postcodes, "
              + sbiDomain.size()
              + " codes and "
              + sbiWeights.length
              + " weights");
    }
    if (!(eventsPerDay > 0) || !(cellsPerPc4Day >= 0)) {
      throw new IllegalArgumentException(
          "events per day must be > 0 and cells per pc4-day >= 0, got "
              + eventsPerDay
              + " and "
              + cellsPerPc4Day);
    }
    for (Level l : Level.values()) {
      Double b = scales.get(l);
      if (b == null || !(b > 0)) {
        throw new IllegalArgumentException("the noise scale of " + l + " must be > 0, got " + b);
      }
    }
    this.seed = seed;
    this.from = from;
    this.pc4s = pc4s.clone();
    this.sbis = List.copyOf(sbiDomain);
    this.meanEvents = eventsPerDay / pc4s.length;
    this.cellsPerPc4Day = cellsPerPc4Day;
    this.scales = new EnumMap<>(scales);
    int n = pc4s.length;
    size = new double[n];
    hourShare = new double[n][];
    sbiShare = new double[n][];
    candidates = new Member[n][];
    candidateShare = new double[n][];
    double sizeSum = 0;
    for (int i = 0; i < n; i++) {
      SplittableRandom r = new SplittableRandom(mix(seed, pc4s[i]));
      // Log-normal busyness (σ = 1): the busiest postcodes see tens of times the median.
      size[i] = Math.exp(gaussian(r));
      sizeSum += size[i];
      hourShare[i] = normalised(perturbed(r, HOUR_WEIGHTS, 0.3));
      sbiShare[i] = normalised(perturbed(r, sbiWeights, 0.8));
    }
    for (int i = 0; i < n; i++) {
      size[i] *= n / sizeSum; // mean 1
      cells(i);
    }
  }

  /** The busiest hour × activity × SBI members of postcode i, by share of its events. */
  private void cells(int i) {
    int all = 24 * ACTIVITIES.length * sbis.size();
    double[] share = new double[all];
    Integer[] order = new Integer[all];
    for (int h = 0, k = 0; h < 24; h++) {
      for (int a = 0; a < ACTIVITIES.length; a++) {
        for (int s = 0; s < sbis.size(); s++, k++) {
          share[k] = hourShare[i][h] * ACTIVITY_WEIGHTS[a] * sbiShare[i][s];
          order[k] = k;
        }
      }
    }
    Arrays.sort(order, (x, y) -> Double.compare(share[y], share[x]));
    int m = Math.min(CELL_CANDIDATES, all);
    candidates[i] = new Member[m];
    candidateShare[i] = new double[m];
    for (int j = 0; j < m; j++) {
      int k = order[j];
      int h = k / (ACTIVITIES.length * sbis.size());
      int a = k / sbis.size() % ACTIVITIES.length;
      candidates[i][j] = new Member(Level.CELL, h, ACTIVITIES[a], sbis.get(k % sbis.size()));
      candidateShare[i][j] = share[k];
    }
  }

  int postcodes() {
    return pc4s.length;
  }

  LocalDate date(int day) {
    return from.plusDays(day);
  }

  /**
   * The released values of day {@code day} (0 = the first) for postcode index {@code i}, with
   * deltas, in the order of {@link Member}.
   */
  List<ReleasedValue> release(int day, int i) {
    if (day < 0 || i < 0 || i >= pc4s.length) {
      throw new IllegalArgumentException(
          "day must be >= 0 and postcode index in 0.."
              + (pc4s.length - 1)
              + ", got "
              + day
              + ", "
              + i);
    }
    SortedMap<Member, Long> today = day(day, i);
    SortedMap<Member, Long> base = day >= BASELINE_DAYS ? day(day - BASELINE_DAYS, i) : null;
    SortedMap<Member, Boolean> members = new TreeMap<>();
    today.keySet().forEach(m -> members.put(m, true));
    if (base != null) {
      base.keySet().forEach(m -> members.putIfAbsent(m, false));
    }
    LocalDate date = date(day);
    List<ReleasedValue> out = new ArrayList<>(members.size());
    for (Member m : members.keySet()) {
      Long t = today.get(m);
      Long b = base == null ? null : base.get(m);
      double scale = scales.get(m.level());
      ReleasedValue v = new ReleasedValue();
      v.setDate(date);
      v.setPc4(pc4s[i]);
      v.setLevel(m.level());
      v.setHour(m.hour() < 0 ? null : m.hour());
      v.setActivity(m.level() == Level.CELL ? m.activity() : null);
      v.setSbi(m.sbi().isEmpty() ? null : m.sbi());
      v.setReleased(t != null);
      v.setHits(t == null ? 0 : t);
      v.setHitsScale(t == null ? 0 : scale);
      v.setDelta(base == null ? null : b == null ? 0L : b);
      v.setDeltaScale(base == null ? null : b == null ? 0.0 : scale);
      out.add(v);
    }
    return out;
  }

  /** The noisy values released on day {@code day} for postcode index {@code i}. */
  SortedMap<Member, Long> day(int day, int i) {
    SplittableRandom r = new SplittableRandom(mix(mix(seed, day), pc4s[i]));
    DayOfWeek dow = date(day).getDayOfWeek();
    double events = meanEvents * size[i] * WEEKDAY[dow.ordinal()] * Math.exp(0.05 * gaussian(r));
    SortedMap<Member, Long> out = new TreeMap<>();
    out.put(new Member(Level.TOTAL, -1, 0, ""), poisson(r, events) + noise(r, Level.TOTAL));
    for (int h = 0; h < 24; h++) {
      out.put(
          new Member(Level.HOUR, h, 0, ""),
          poisson(r, events * hourShare[i][h]) + noise(r, Level.HOUR));
    }
    for (int s = 0; s < sbis.size(); s++) {
      out.put(
          new Member(Level.SBI, -1, 0, sbis.get(s)),
          poisson(r, events * sbiShare[i][s]) + noise(r, Level.SBI));
    }
    Member[] cand = candidates[i];
    double[] w = candidateShare[i].clone();
    int m =
        (int)
            Math.min(
                Arrays.stream(w).filter(x -> x > 0).count(), poisson(r, cellsPerPc4Day * size[i]));
    for (int k = 0; k < m; k++) {
      int j = pick(r, w);
      w[j] = 0; // without replacement
      out.put(cand[j], poisson(r, events * candidateShare[i][j]) + noise(r, Level.CELL));
    }
    return out;
  }

  private long noise(SplittableRandom r, Level level) {
    return discreteLaplace(r, scales.get(level));
  }

  /**
   * Discrete Laplace noise of scale b (P(x) ∝ e^(−|x|/b)): the difference of two geometric
   * variables of ratio e^(−1/b).
   */
  static long discreteLaplace(SplittableRandom r, double b) {
    long up = geometric(r, b);
    long down = geometric(r, b);
    return up - down;
  }

  /** Geometric on 0, 1, … with P(k) ∝ e^(−k/b): floor(−b ln U), U uniform in (0, 1]. */
  private static long geometric(SplittableRandom r, double b) {
    return (long) Math.floor(-b * Math.log(1 - r.nextDouble()));
  }

  /** Poisson(λ): exact (Knuth) below 30, else the rounded normal approximation (never below 0). */
  static long poisson(SplittableRandom r, double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda >= 30) {
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(r)));
    }
    double limit = Math.exp(-lambda);
    long k = 0;
    for (double p = r.nextDouble(); p > limit; p *= r.nextDouble()) {
      k++;
    }
    return k;
  }

  private static double[] perturbed(SplittableRandom r, double[] w, double sigma) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] * Math.exp(sigma * gaussian(r));
    }
    return out;
  }

  private static double[] normalised(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = sum > 0 ? w[i] / sum : 1.0 / w.length;
    }
    return out;
  }

  static int pick(SplittableRandom r, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double x = r.nextDouble() * sum;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        last = i;
        x -= weights[i];
        if (x < 0) {
          return i;
        }
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException("no positive weight to pick from");
    }
    return last;
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** A 64-bit mix of a seed and a value (SplitMix64's finaliser). */
  static long mix(long seed, long v) {
    long z = seed + 0x9E3779B97F4A7C15L * (v + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
