package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import nl.datapoints.etl.release.HarnessWorld.Target;
import nl.datapoints.etl.release.HarnessWorld.UserDay;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.Margins;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack harness of the differentially private release (issue 14, item 7, the many-trial part):
 * a target user is planted in a synthetic world, released many times with and without it under
 * fresh release secrets, and attacked only through what the service answers — sums of released
 * values over areas, dates, filters and levels. From the attacks' errors it computes an empirical
 * lower bound on ε, which must stay within the configured ε for the DP release, and which must come
 * out far above it for the old k-suppressed release of the same world (so the harness is shown to
 * be able to fail).
 *
 * <p><b>Privacy unit.</b> One user-day: every event of one user on one date. The bounds ({@link
 * Bounding}) cap what one user-day adds to every level, and the noise of every level is calibrated
 * to that cap, so the release of a date is (ε, δ) = (1.0, 1e-8)-DP for one user-day; a user present
 * on 7 dates is protected at 7ε over the week (basic composition), and one attacked date at ε.
 *
 * <p><b>Neighbouring datasets.</b> The world with and the world without the target's user-day
 * (add/remove one user-day; everyone else, including the k − 1 users sharing the ordinary target's
 * cell, is identical in both). The adversary is assumed to know the whole background and the
 * target's events: only the release secret is unknown, and it is fresh (and independent) in every
 * trial. The world is therefore fixed across trials; only the mechanism's randomness varies — which
 * is why the deterministic k-suppressed release gives the same answer in every trial and its bound
 * is limited only by the number of trials.
 *
 * <p><b>Why the threshold is chosen on held-out trials.</b> The test "present iff statistic > τ" is
 * tried at every observed τ; taking the best τ on the trials that are then counted would select on
 * noise and overstate ε (many thresholds, one of them lucky). τ is chosen on the first half of each
 * side's trials and the error rates are counted on the other half, so the Clopper–Pearson intervals
 * hold for a τ fixed independently of the counted trials, and the bound is a true 95% lower
 * confidence bound (it fails only if one of the two rates' 97.5% upper ends does). The same holds
 * for the one fitted attack: its weights are fitted on the first half too. Secrets are fresh per
 * trial but drawn from a seeded generator, so a CI run is reproducible.
 *
 * <p>How the attacks read the service: totals and points from TOTAL, an SBI filter from SBI, an
 * activity filter from CELL. A filter difference subtracts two answers of the same level ("every
 * code" − "every code but the target's"), which isolates the target's member exactly — stronger
 * than subtracting from the unfiltered total, which would add the TOTAL's noise.
 *
 * <p>Budget compared with: the target is present on D only (one user-day), so every attack is
 * compared with ε of one date (1.0), the date-set attack included ({D, D−1} − {D−1} reads D−1
 * twice, which cancels; only D's budget is at stake). Each attack is also checked against the
 * budget of the levels it reads, which is smaller (e.g. 0.35 for an attack on TOTALs only).
 *
 * <p>Knobs (system properties): {@code harness.trials} (M per side, default 1000), {@code
 * harness.seed}, {@code harness.report} (a path to also write the markdown table to).
 */
class AttackHarnessTest {
  static final int M = Integer.getInteger("harness.trials", 1000);
  static final long SEED = Long.getLong("harness.seed", 20240317L);

  /** Full reruns of the release (same secret) per trial in the repetition attack. */
  static final int REPEATS = 1;

  static final PrivacyParams PARAMS = PrivacyParams.DEFAULT;
  static final int T = HarnessWorld.TARGET_PC4;
  static final List<LocalDate> ON_D = List.of(HarnessWorld.D);
  static final Predicate<Member> ALL = m -> true;

  private static HarnessWorld world;
  private static long processCpuAtStart;

  @BeforeAll
  static void buildWorld() {
    processCpuAtStart = processCpu();
    world = new HarnessWorld(SEED, PARAMS);
  }

  /** CPU time of the whole JVM (every thread: JIT and GC included). */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The attacks: each a statistic of service answers, larger when the target is present. */
  enum Attack {
    RING("radius ring: area(1011, 2.1 km) − area(1011, 1.2 km), D", Level.TOTAL) {
      @Override
      double statistic(Answers a, Target t) {
        return a.hits(Level.TOTAL, HarnessWorld.within(1011, 2.1), ON_D, ALL)
            - a.hits(Level.TOTAL, HarnessWorld.within(1011, 1.2), ON_D, ALL);
      }
    },
    DATE_SET("date set: {D, D−1} − {D−1}, 1 km around " + T, Level.TOTAL) {
      @Override
      double statistic(Answers a, Target t) {
        List<Integer> area = HarnessWorld.within(T, 1.0);
        return a.hits(Level.TOTAL, area, List.of(HarnessWorld.D_OTHER, HarnessWorld.D), ALL)
            - a.hits(Level.TOTAL, area, List.of(HarnessWorld.D_OTHER), ALL);
      }
    },
    SBI_FILTER("SBI filter: all SBIs − the other SBIs, " + T + ", D", Level.SBI) {
      @Override
      double statistic(Answers a, Target t) {
        return a.hits(Level.SBI, List.of(T), ON_D, ALL)
            - a.hits(Level.SBI, List.of(T), ON_D, m -> !m.sbi().equals(t.cell.sbi()));
      }
    },
    ACTIVITY_FILTER("activity filter: all activities − the others, " + T + ", D", Level.CELL) {
      @Override
      double statistic(Answers a, Target t) {
        return a.hits(Level.CELL, List.of(T), ON_D, ALL)
            - a.hits(Level.CELL, List.of(T), ON_D, m -> m.activity() != t.cell.activity());
      }
    },
    REPETITION("repetition: total of " + T + " on D, asked again after a full rerun", Level.TOTAL) {
      @Override
      double statistic(Answers a, Target t) {
        byte[] first = a.bytes(HarnessWorld.D, T);
        long answer = a.hits(Level.TOTAL, List.of(T), ON_D, ALL);
        double sum = answer;
        for (int r = 0; r < REPEATS; r++) {
          Answers again = a.rerun();
          assertArrayEquals(
              first,
              again.bytes(HarnessWorld.D, T),
              "a rerun with the same secret is byte-identical");
          sum += again.hits(Level.TOTAL, List.of(T), ON_D, ALL);
        }
        double mean = sum / (REPEATS + 1);
        assertEquals(answer, mean, "averaging identical answers gains nothing");
        return mean;
      }
    },
    CROSS_LEVEL(
        "cross-level: inverse-variance mix of TOTAL, ΣHOUR, ΣSBI, ΣCELL of " + T + ", D",
        Level.values()) {
      @Override
      double statistic(Answers a, Target t) {
        double[] x = levelSums(a);
        double[] v = new double[Level.values().length];
        for (Level l : Level.values()) {
          v[l.ordinal()] = a.variance(l, List.of(T), ON_D, ALL);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
          if (v[i] > 0) {
            num += x[i] / v[i];
            den += 1 / v[i];
          }
        }
        // The old release has no noise: its four sums are one number.
        return den == 0 ? Arrays.stream(x).average().orElseThrow() : num / den;
      }
    },
    CROSS_LEVEL_FITTED(
        "cross-level: linear mix fitted on the training half (Fisher)", Level.values()) {
      @Override
      double statistic(Answers a, Target t) {
        throw new UnsupportedOperationException("projected from the level sums after the trials");
      }
    };

    final String description;
    final Level[] reads;

    Attack(String description, Level... reads) {
      this.description = description;
      this.reads = reads;
    }

    abstract double statistic(Answers a, Target t);

    /** ε of the levels the attack reads (the CELL selection included when it reads CELLs). */
    double budget(PrivacyParams p) {
      BigDecimal e = BigDecimal.ZERO;
      for (Level l : reads) {
        e = e.add(p.epsilonOf(l));
        if (l == Level.CELL) {
          e = e.add(p.selectionEpsilon());
        }
      }
      return e.doubleValue();
    }
  }

  /** TOTAL, ΣHOUR, ΣSBI and ΣCELL of the target pc4 on D: four estimates of one number. */
  static double[] levelSums(Answers a) {
    double[] x = new double[Level.values().length];
    for (Level l : Level.values()) {
      x[l.ordinal()] = a.hits(l, List.of(T), ON_D, ALL);
    }
    return x;
  }

  /** Statistics of M trials of one side: per attack, and the level sums for the fitted attack. */
  private static final class Side {
    final Map<Attack, double[]> stats = new EnumMap<>(Attack.class);
    final double[][] levels = new double[M][];

    Side() {
      for (Attack a : Attack.values()) {
        stats.put(a, new double[M]);
      }
    }

    void record(int i, Answers answers, Target t) {
      for (Attack a : Attack.values()) {
        if (a != Attack.CROSS_LEVEL_FITTED) {
          stats.get(a)[i] = a.statistic(answers, t);
        }
      }
      levels[i] = levelSums(answers);
    }
  }

  /**
   * One line of the table; {@code constant} when the statistic took one value in every trial of
   * both sides.
   */
  private record Row(
      Attack attack,
      Target target,
      String release,
      EmpiricalEpsilon.Audit audit,
      boolean constant) {}

  @Test
  void attacksStayWithinEpsilonOnTheDpReleaseAndBreakKSuppression() throws IOException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long cpu0 = cpu.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    SplittableRandom secrets = new SplittableRandom(SEED ^ 0x5EC2E75EC2E7L);
    Map<Target, UserDay> planted = new EnumMap<>(Target.class);
    for (Target t : Target.values()) {
      planted.put(t, t.userDay());
    }

    // DP: one set of M trials without the target serves both variants (each variant still has
    // M trials with and M without, every one under its own fresh secret).
    Map<Target, Side> dpWithout = new EnumMap<>(Target.class);
    Map<Target, Side> dpWith = new EnumMap<>(Target.class);
    for (Target t : Target.values()) {
      dpWithout.put(t, new Side());
      dpWith.put(t, new Side());
    }
    int crowdSelected = 0;
    int covered = 0;
    for (int i = 0; i < M; i++) {
      DpRelease r = new DpRelease(world, secret(secrets), null);
      for (Target t : Target.values()) {
        dpWithout.get(t).record(i, r, t);
      }
      crowdSelected +=
          r.released(HarnessWorld.D, T).containsKey(cellOf(HarnessWorld.CROWD_CELL)) ? 1 : 0;
      covered += coveredByMargin(r) ? 1 : 0;
    }
    for (Target t : Target.values()) {
      for (int i = 0; i < M; i++) {
        dpWith.get(t).record(i, new DpRelease(world, secret(secrets), planted.get(t)), t);
      }
    }
    long dpCpu = cpu.getCurrentThreadCpuTime() - cpu0;

    // The old release: deterministic, so every trial gives the same answers; run as many trials
    // anyway, so both releases are audited by the same code.
    Map<Long, Map<Member, long[]>> background = HarnessWorld.rawCells(allBackground());
    Map<Target, Side> kWithout = new EnumMap<>(Target.class);
    Map<Target, Side> kWith = new EnumMap<>(Target.class);
    for (Target t : Target.values()) {
      kWithout.put(t, new Side());
      kWith.put(t, new Side());
      for (int i = 0; i < M; i++) {
        kWithout.get(t).record(i, new KSuppressedRelease(background, List.of(), HarnessWorld.K), t);
        kWith
            .get(t)
            .record(
                i, new KSuppressedRelease(background, List.of(planted.get(t)), HarnessWorld.K), t);
      }
    }

    List<Row> rows = new ArrayList<>();
    for (Target t : Target.values()) {
      rows.addAll(audit("DP", t, dpWithout.get(t), dpWith.get(t)));
    }
    for (Target t : Target.values()) {
      rows.addAll(audit("k=5", t, kWithout.get(t), kWith.get(t)));
    }
    long cpuNs = cpu.getCurrentThreadCpuTime() - cpu0;
    long wallNs = System.nanoTime() - wall0;
    long processCpuNs = processCpu() - processCpuAtStart;

    String report =
        report(
            rows,
            crowdSelected,
            covered,
            dpCpu,
            cpuNs,
            wallNs,
            processCpuNs,
            completeness(secret(secrets)));
    System.out.println(report);
    Files.writeString(Path.of("target", "harness-results.md"), report, StandardCharsets.UTF_8);
    String extra = System.getProperty("harness.report");
    if (extra != null && !extra.isBlank()) {
      Files.writeString(Path.of(extra), report, StandardCharsets.UTF_8);
    }

    double epsilon = PARAMS.epsilon().doubleValue();
    for (Row row : rows) {
      String what =
          row.attack()
              + " on the "
              + row.target()
              + " target, "
              + row.release()
              + ": lower bound "
              + fmt(row.audit().lower());
      if (row.release().equals("DP")) {
        assertTrue(row.audit().lower() <= epsilon, what + " exceeds the configured ε " + epsilon);
        assertTrue(
            row.audit().lower() <= row.attack().budget(PARAMS),
            what + " exceeds the budget of the levels it reads, " + row.attack().budget(PARAMS));
      } else {
        // Every attack separates the old release perfectly: the bound is what M trials can show.
        assertTrue(row.audit().lower() > 3, what + " should be far above 1");
        assertEquals(0, row.audit().falsePositives() + row.audit().falseNegatives(), what);
      }
    }
    assertTrue(
        crowdSelected > M / 2,
        "the crowd cell is selected in most trials, so the CELL attacks read it: "
            + crowdSelected
            + " of "
            + M);
    assertTrue(
        covered >= 0.93 * M,
        "the 95% margin of the target pc4's TOTAL covers its bounded sum in "
            + covered
            + " of "
            + M
            + " trials");
  }

  @Test
  void theWorldIsWhatTheAttacksAssume() {
    // The ordinary target's cell has exactly k - 1 other users, so only the target tips it over k.
    Map<Long, Map<Member, long[]>> raw = HarnessWorld.rawCells(allBackground());
    Member star = cellOf(HarnessWorld.ORDINARY_CELL);
    assertEquals(HarnessWorld.K - 1, raw.get(HarnessWorld.key(HarnessWorld.D, T)).get(star)[1]);
    assertFalse(
        new KSuppressedRelease(raw, List.of(), HarnessWorld.K)
            .published(HarnessWorld.D, T)
            .containsKey(star));
    assertTrue(
        new KSuppressedRelease(raw, List.of(Target.ORDINARY.userDay()), HarnessWorld.K)
            .published(HarnessWorld.D, T)
            .containsKey(star));
    // The crowd cell has far more than k users, and enough for partition selection.
    long crowd =
        raw.get(HarnessWorld.key(HarnessWorld.D, T)).get(cellOf(HarnessWorld.CROWD_CELL))[1];
    PartitionSelection selection =
        new PartitionSelection(
            PARAMS.selectionEpsilon().doubleValue(),
            PARAMS.delta(),
            PARAMS.maxCells().get(Level.CELL));
    assertTrue(
        selection.probability(crowd) > 0.5,
        crowd + " users, kept with " + selection.probability(crowd));

    // The in-bounds background really is untouched by bounding under any secret (so it may be
    // bounded once), and the rest really is touched.
    byte[] other = new byte[32];
    Arrays.fill(other, (byte) 0x5A);
    Bounding bounding = new Bounding(PARAMS, new NoiseStream(other));
    for (UserDay ud : world.inBounds) {
      assertFalse(bounding.bound(ud.user(), ud.date(), ud.events()).touched());
    }
    assertFalse(world.overBounds.isEmpty());
    for (UserDay ud : world.overBounds) {
      assertTrue(bounding.bound(ud.user(), ud.date(), ud.events()).touched());
    }
    Bounding.Result heavy =
        bounding.bound(
            Target.HEAVY.userDay().user(), HarnessWorld.D, Target.HEAVY.userDay().events());
    assertEquals(6000 - PARAMS.maxEvents(), heavy.eventsDropped());

    // Deltas exist from the eighth date on; the same secret gives the same bytes, another secret
    // other bytes.
    DpRelease r = new DpRelease(world, other, null);
    for (ReleasedValue v : r.rows(HarnessWorld.D, T)) {
      assertNotNull(v.getDelta(), v.toString());
    }
    for (ReleasedValue v : r.rows(HarnessWorld.DATES.get(6), T)) {
      assertNull(v.getDelta(), v.toString());
    }
    for (Level l : Level.values()) {
      assertEquals(
          r.hitsFromRows(l, T, HarnessWorld.D),
          r.hits(l, List.of(T), ON_D, ALL),
          "rows and values agree, " + l);
    }
    assertArrayEquals(
        r.bytes(HarnessWorld.D, T), new DpRelease(world, other, null).bytes(HarnessWorld.D, T));
    byte[] third = other.clone();
    third[0] ^= 1;
    assertFalse(
        Arrays.equals(
            r.bytes(HarnessWorld.D, T),
            new DpRelease(world, third, null).bytes(HarnessWorld.D, T)));
  }

  /** Audits every attack of one release and target from the statistics of both sides. */
  private static List<Row> audit(String release, Target t, Side without, Side with) {
    List<Row> rows = new ArrayList<>();
    for (Attack a : Attack.values()) {
      double[] s0 = without.stats.get(a);
      double[] s1 = with.stats.get(a);
      if (a == Attack.CROSS_LEVEL_FITTED) {
        double[] w = fisherWeights(without.levels, with.levels);
        s0 = project(without.levels, w);
        s1 = project(with.levels, w);
      }
      double first = s0[0];
      boolean constant =
          Arrays.stream(s0).allMatch(v -> v == first)
              && Arrays.stream(s1).allMatch(v -> v == first);
      rows.add(new Row(a, t, release, EmpiricalEpsilon.audit(s0, s1, PARAMS.delta()), constant));
    }
    return rows;
  }

  /** Whether the 95% margin of the target pc4's released TOTAL on D covers its bounded sum. */
  private static boolean coveredByMargin(DpRelease r) {
    long truth = r.sums(HarnessWorld.D, T).hits(Member.TOTAL);
    long released = r.hits(Level.TOTAL, List.of(T), ON_D, ALL);
    double var = r.variance(Level.TOTAL, List.of(T), ON_D, ALL);
    return Math.abs(released - truth) <= Margins.moe95(var, var * var);
  }

  /** Fisher's discriminant on the training halves: w = (Σ0 + Σ1)⁻¹ (μ1 − μ0), ridge-regularised. */
  static double[] fisherWeights(double[][] without, double[][] with) {
    double[][] a = Arrays.copyOfRange(without, 0, without.length / 2);
    double[][] b = Arrays.copyOfRange(with, 0, with.length / 2);
    int k = a[0].length;
    double[] mu0 = mean(a);
    double[] mu1 = mean(b);
    double[][] s = new double[k][k];
    for (double[][] side : List.of(a, b)) {
      double[] mu = side == a ? mu0 : mu1;
      for (double[] x : side) {
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            s[i][j] += (x[i] - mu[i]) * (x[j] - mu[j]);
          }
        }
      }
    }
    double trace = 0;
    for (int i = 0; i < k; i++) {
      trace += s[i][i];
    }
    double[] diff = new double[k];
    for (int i = 0; i < k; i++) {
      diff[i] = mu1[i] - mu0[i];
      s[i][i] += 1e-9 * trace / k + 1e-12;
    }
    double[] w = solve(s, diff);
    double norm = Arrays.stream(w).map(Math::abs).sum();
    return norm == 0 ? w : Arrays.stream(w).map(x -> x / norm).toArray();
  }

  static double[] project(double[][] xs, double[] w) {
    double[] out = new double[xs.length];
    for (int t = 0; t < xs.length; t++) {
      for (int i = 0; i < w.length; i++) {
        out[t] += w[i] * xs[t][i];
      }
    }
    return out;
  }

  private static double[] mean(double[][] xs) {
    double[] mu = new double[xs[0].length];
    for (double[] x : xs) {
      for (int i = 0; i < mu.length; i++) {
        mu[i] += x[i] / xs.length;
      }
    }
    return mu;
  }

  /** Gaussian elimination with partial pivoting (k = 4). */
  private static double[] solve(double[][] m, double[] y) {
    int k = y.length;
    double[][] a = new double[k][];
    for (int i = 0; i < k; i++) {
      a[i] = Arrays.copyOf(m[i], k + 1);
      a[i][k] = y[i];
    }
    for (int c = 0; c < k; c++) {
      int p = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      double[] tmp = a[c];
      a[c] = a[p];
      a[p] = tmp;
      for (int r = 0; r < k; r++) {
        if (r != c && a[c][c] != 0) {
          double f = a[r][c] / a[c][c];
          for (int j = c; j <= k; j++) {
            a[r][j] -= f * a[c][j];
          }
        }
      }
    }
    double[] x = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = a[i][i] == 0 ? 0 : a[i][k] / a[i][i];
    }
    return x;
  }

  private static long crowdUsers() {
    return HarnessWorld.rawCells(world.background(HarnessWorld.D))
        .get(HarnessWorld.key(HarnessWorld.D, T))
        .get(cellOf(HarnessWorld.CROWD_CELL))[1];
  }

  private static List<UserDay> allBackground() {
    List<UserDay> all = new ArrayList<>(world.inBounds);
    all.addAll(world.overBounds);
    return all;
  }

  private static Member cellOf(Bounding.Event e) {
    return Member.cell(e.hour(), e.activity(), e.sbi());
  }

  private static byte[] secret(SplittableRandom rnd) {
    byte[] s = new byte[32];
    for (int i = 0; i < s.length; i += 8) {
      long v = rnd.nextLong();
      for (int b = 0; b < 8; b++) {
        s[i + b] = (byte) (v >>> (8 * b));
      }
    }
    return s;
  }

  private static String fmt(double v) {
    return Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.2f", v);
  }

  /**
   * The whole world on D: raw hits, bounded hits, what the old release publishes, what the DP
   * release says.
   */
  private static String completeness(byte[] secret) {
    List<Integer> all = Arrays.stream(HarnessWorld.PC4S).boxed().toList();
    long raw = 0;
    for (UserDay ud : world.background(HarnessWorld.D)) {
      raw += ud.events().size();
    }
    DpRelease dp = new DpRelease(world, secret, null);
    long bounded = 0;
    for (int p : all) {
      bounded += dp.sums(HarnessWorld.D, p).hits(Member.TOTAL);
    }
    long old =
        new KSuppressedRelease(HarnessWorld.rawCells(allBackground()), List.of(), HarnessWorld.K)
            .hits(Level.TOTAL, all, ON_D, ALL);
    long released = dp.hits(Level.TOTAL, all, ON_D, ALL);
    double var = dp.variance(Level.TOTAL, all, ON_D, ALL);
    double one = ReleaseBlock.variance(PARAMS.scale(Level.TOTAL));
    return String.format(
        Locale.ROOT,
        "- The world on D without a target, all 12 pc4s: %,d raw events; %,d after "
            + "the bounds (%.1f%%); the old release publishes %,d (%.1f%% of raw: the rest sits in cells of < k users); "
            + "the DP release's Σ TOTAL is %,d ± %d (95%%, one secret).%n",
        raw,
        bounded,
        100.0 * bounded / raw,
        old,
        100.0 * old / raw,
        released,
        Margins.moe95(var, all.size() * one * one));
  }

  private String report(
      List<Row> rows,
      int crowdSelected,
      int covered,
      long dpCpuNs,
      long cpuNs,
      long wallNs,
      long processCpuNs,
      String completeness) {
    StringBuilder b = new StringBuilder();
    b.append("# Attack harness results\n\n");
    b.append("Generated by `AttackHarnessTest` (etl, package `nl.datapoints.etl.release`).\n\n");
    b.append("## Parameters\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "- DP release: ε = %s per date (split %s), δ = %s; bounds per user-day: "
                + "%d events, cells per level %s, hits per cell %s; noise scales TOTAL %.2f, HOUR %.2f, SBI %.2f, CELL %.2f.%n",
            PARAMS.epsilon().toPlainString(),
            new java.util.TreeMap<>(PARAMS.split()),
            PARAMS.delta(),
            PARAMS.maxEvents(),
            PARAMS.maxCells(),
            PARAMS.maxHits(),
            PARAMS.scale(Level.TOTAL),
            PARAMS.scale(Level.HOUR),
            PARAMS.scale(Level.SBI),
            PARAMS.scale(Level.CELL)));
    b.append(
        "- Old release: k-suppression at the finest cell, k = "
            + HarnessWorld.K
            + " (a cell is published with its exact hits when it has ≥ k distinct users; coarser numbers are sums of "
            + "published cells).\n");
    b.append(
        "- World: 12 pc4s (1011-1022) on a 4 × 3 grid, 1 km apart; 14 dates "
            + HarnessWorld.DATES.get(0)
            + " .. "
            + HarnessWorld.D
            + "; "
            + world.inBounds.size()
            + " user-days within the bounds and "
            + world.overBounds.size()
            + " above them (600 regular users, 560 commuters, 8 heavy users, 4 neighbours); "
            + "8 SBIs, 4 activities. Targets on D = "
            + HarnessWorld.D
            + " at pc4 "
            + T
            + " only.\n");
    b.append(
        "- Targets: ordinary = 2 events in cell (hour 14, activity 3, SBI 5610), which holds exactly k − 1 = 4 "
            + "other users on D; heavy = 5,000 events in the crowd cell (hour 8, activity 1, SBI 4711, "
            + crowdUsers()
            + " other users on D) "
            + "and 1,000 spread over 10 other cells.\n");
    b.append(
        "- Trials: M = "
            + M
            + " with and M without the target per variant (the M without are shared by both "
            + "variants), each under a fresh random 32-byte release secret (seed "
            + SEED
            + "); τ chosen on the first "
            + "M/2 of each side, rates counted on the other M/2; two-sided 95% Clopper–Pearson intervals (binomial "
            + "tails summed in the test, no library); bound = max over both error directions of "
            + "ln((1 − δ − FNR_hi) / FPR_hi), δ = "
            + PARAMS.delta()
            + ". Repetition: in every trial the "
            + "release is recomputed from scratch (bounding + release, same secret) and must be byte-identical, so "
            + "asking any number of times gives one answer.\n");
    b.append(
        "- Budget compared with: the target has one user-day (D), so every attack is compared with ε of one "
            + "date, "
            + PARAMS.epsilon().toPlainString()
            + " (the date-set attack included: D−1 cancels); the "
            + "column 'levels' gives the smaller budget of the levels the attack reads, also asserted.\n");
    b.append(
        String.format(
            Locale.ROOT,
            "- Checks: the crowd cell was selected in %d of %d releases; the 95%% "
                + "margin of the target pc4's TOTAL covered its bounded sum in %d of %d.%n",
            crowdSelected,
            M,
            covered,
            M));
    b.append(completeness);
    b.append(
        String.format(
            Locale.ROOT,
            "- Runtime of the trials (one thread): DP releases %.1f s CPU; everything "
                + "incl. the old release and the audits %.1f s CPU, %.1f s wall; since this class started (world built, "
                + "JIT and GC threads included, and the other test of the class if it ran first) the JVM used %.1f s CPU.%n%n",
            dpCpuNs / 1e9,
            cpuNs / 1e9,
            wallNs / 1e9,
            processCpuNs / 1e9));
    b.append("## Empirical ε lower bounds\n\n");
    b.append(
        "| attack | levels (ε) | target | release | ε lower bound (95%) | ε̂ [95% CI] | FPR / FNR (test) | τ | trials |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      EmpiricalEpsilon.Audit a = r.audit();
      String levels =
          Arrays.stream(r.attack().reads)
              .map(l -> l.name().toLowerCase())
              .reduce((x, y) -> x + "+" + y)
              .orElseThrow();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s (%s) | %s | %s | **%s** | %s [%s, %s] | %.3f / %.3f | %s | %d + %d |%n",
              r.attack().description,
              levels,
              fmt(r.attack().budget(PARAMS)),
              r.target().name().toLowerCase(),
              r.release() + (r.constant() ? " ¹" : ""),
              fmt(a.lower()),
              fmt(a.point()),
              fmt(a.lower()),
              fmt(a.upper()),
              a.fpr(),
              a.fnr(),
              Double.isInfinite(a.tau()) ? "−∞" : String.format(Locale.ROOT, "%.1f", a.tau()),
              M,
              M));
    }
    b.append(
        "\n¹ The statistic took the same value in every trial with and without the target (for the DP "
            + "release: partition selection never kept a cell the attack reads), so no threshold separates them.\n\n");
    b.append(
        "An audit only bounds ε from below. The upper end of an interval is how large this one test's "
            + "privacy loss could be given its counted errors (∞ when an error count is 0); it is no upper bound on "
            + "the release's ε — that comes from the mechanism's proof (docs/privacy.md).\n");
    return b.toString();
  }
}
