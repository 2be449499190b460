package nl.datapoints.bench.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The query lists of the benchmarks (pure, deterministic): the hardest shape, one fixed shape whose
 * start date rotates over the range, and a seeded mix. Every query lies inside {@code from..to}.
 */
final class QueryLists {
  /** The dashboard's hardest question: 10 km around 1012 (Amsterdam, the Dam) at 7 dates. */
  static final int HARDEST_PC4 = 1012;

  static final int HARDEST_KM = 10;
  static final int HARDEST_DATES = 7;

  /** The mix draws 1..7 dates and 1..10 km. */
  static final int MAX_MIX_DATES = 7;

  static final int MAX_MIX_KM = 10;

  private QueryLists() {}

  /** {@code n} hardest queries, the start date rotating over {@code from..to}. */
  static List<Query> hardest(LocalDate from, LocalDate to, int n) {
    return fixedShape(HARDEST_PC4, HARDEST_KM, HARDEST_DATES, from, to, n);
  }

  /**
   * {@code n} queries of one shape ({@code pc4}, {@code km}, {@code k} consecutive dates), the
   * start date rotating over every start that keeps the dates inside {@code from..to}: a sweep
   * point varies one thing only.
   */
  static List<Query> fixedShape(int pc4, double km, int k, LocalDate from, LocalDate to, int n) {
    long starts = span(from, to) - k + 1;
    if (starts < 1) {
      throw new IllegalArgumentException(
          "--dates "
              + k
              + " does not fit in "
              + from
              + ".."
              + to
              + " ("
              + span(from, to)
              + " dates)");
    }
    List<Query> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Query(pc4, km, Query.consecutive(from.plusDays(i % starts), k)));
    }
    return out;
  }

  /**
   * {@code n} queries drawn with {@code seed}: a postcode out of {@code pc4s}, 1..10 km, 1..7
   * consecutive dates inside {@code from..to}.
   */
  static List<Query> mixed(List<Integer> pc4s, LocalDate from, LocalDate to, int n, long seed) {
    long span = span(from, to);
    if (span < MAX_MIX_DATES) {
      throw new IllegalArgumentException(
          "--from..--to must hold at least "
              + MAX_MIX_DATES
              + " dates for the mix, got "
              + from
              + ".."
              + to
              + " ("
              + span
              + ")");
    }
    if (pc4s.isEmpty()) {
      throw new IllegalArgumentException("the mix needs at least one postcode");
    }
    Random r = new Random(seed);
    List<Query> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = 1 + r.nextInt(MAX_MIX_DATES);
      int pc4 = pc4s.get(r.nextInt(pc4s.size()));
      int km = 1 + r.nextInt(MAX_MIX_KM);
      out.add(
          new Query(pc4, km, Query.consecutive(from.plusDays(r.nextInt((int) (span - k + 1))), k)));
    }
    return out;
  }

  /** The activity ids of the generated events (and of the dense release's cells). */
  static final List<Integer> ACTIVITIES = List.of(1, 2, 3, 7, 12);

  /**
   * {@code n} filtered queries drawn with {@code seed}, as {@link #mixed} but each with a filter: a
   * third SBI only (1-2 codes drawn from {@code sbiCodes}, one entry per merchant, so common codes
   * come up more often), a third activity only (one id), a third both.
   */
  static List<Query> filtered(
      List<Integer> pc4s, List<String> sbiCodes, LocalDate from, LocalDate to, int n, long seed) {
    if (sbiCodes.isEmpty()) {
      throw new IllegalArgumentException("filtered queries need at least one SBI code");
    }
    List<Query> base = mixed(pc4s, from, to, n, seed);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    List<Query> out = new ArrayList<>(n);
    for (Query q : base) {
      int kind = r.nextInt(3);
      List<String> sbi = new ArrayList<>();
      List<Integer> activity = new ArrayList<>();
      if (kind != 1) {
        for (int k = 1 + r.nextInt(2); k > 0; k--) {
          sbi.add(sbiCodes.get(r.nextInt(sbiCodes.size())));
        }
      }
      if (kind != 0) {
        activity.add(ACTIVITIES.get(r.nextInt(ACTIVITIES.size())));
      }
      out.add(new Query(q.pc4(), q.radiusKm(), q.dates(), sbi, activity));
    }
    return out;
  }

  /** Dates in {@code from..to}, both included. */
  static long span(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to must not be before --from, got " + from + ".." + to);
    }
    return to.toEpochDay() - from.toEpochDay() + 1;
  }
}
