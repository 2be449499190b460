package nl.datapoints.etl.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.datapoints.etl.release.Bounding.Contribution;
import nl.datapoints.etl.release.Bounding.Event;

/**
 * The synthetic world of the attack harness (test scope, pure): twelve pc4s on a 4 × 3 grid 1 km
 * apart, fourteen dates, and a fixed background population; plus the two target users that are
 * planted in it. Built once from a seed; the trials only vary the release secret.
 *
 * <ul>
 *   <li>600 regular users, each with a home pc4, active on a date with probability 0.65, with 1-3
 *       cells of 1-3 events (hours mostly 7-22, four activities, eight SBIs, 75% at home);
 *   <li>560 commuters, active with probability 0.92, with 1-2 events in the crowd cell ({@link
 *       #CROWD_CELL}, so that the CELL level has a cell that partition selection keeps) and half of
 *       them one cell at home;
 *   <li>8 heavy background users ("bots", 15-44 events in 4-7 cells a day), whose user-days are
 *       above the bounds, so their bounding depends on the secret and is redone per trial;
 *   <li>4 neighbours who, on {@link #D}, are the only users of {@link #ORDINARY_CELL}.
 * </ul>
 */
final class HarnessWorld {
  static final List<LocalDate> DATES = datesFrom(LocalDate.of(2024, 3, 4), 14);

  /** The date the targets are present on (the last, so D-7 exists and deltas are released). */
  static final LocalDate D = DATES.get(DATES.size() - 1);

  /** The other date of the date-set attack. */
  static final LocalDate D_OTHER = D.minusDays(1);

  /** pc4 {@code 1011 + i} sits at grid (i % 4, i / 4) km. */
  static final int[] PC4S = {
    1011, 1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022
  };

  static final int TARGET_PC4 = 1016;
  static final TreeSet<String> SBI_DOMAIN =
      new TreeSet<>(List.of("4711", "4719", "4771", "5610", "5630", "8610", "9602", "93112"));
  static final List<Integer> ACTIVITIES = List.of(1, 2, 3, 4);

  /** k of the old release. */
  static final int K = 5;

  /** The cell of the ordinary target: on D it holds exactly K - 1 other users. */
  static final Event ORDINARY_CELL = new Event(TARGET_PC4, 14, 3, "5610");

  /** The cell of the commuters (several hundred users a day), and the heavy target's main cell. */
  static final Event CROWD_CELL = new Event(TARGET_PC4, 8, 1, "4711");

  private static final double[] HOUR_WEIGHT = {
    1, 1, 1, 1, 1, 2, 4, 8, 12, 10, 9, 10, 14, 12, 10, 10, 11, 13, 12, 9, 7, 5, 3, 2
  };
  private static final double[] ACTIVITY_WEIGHT = {4, 3, 2, 1};
  private static final String[] SBI_LIST = SBI_DOMAIN.toArray(String[]::new);
  private static final double[] SBI_WEIGHT = {8, 3, 4, 5, 3, 2, 2, 1};

  /** The events of one user on one date (the privacy unit). */
  record UserDay(byte[] user, LocalDate date, List<Event> events) {}

  /** The two planted targets, and the cell each is attacked through. */
  enum Target {
    /** 2 events in {@link #ORDINARY_CELL}. */
    ORDINARY(ORDINARY_CELL),
    /** 5,000 events in {@link #CROWD_CELL} and 1,000 spread over 10 other cells. */
    HEAVY(CROWD_CELL);

    /**
     * The cell the filter attacks single out: the target's SBI and activity at {@link #TARGET_PC4}.
     */
    final Event cell;

    Target(Event cell) {
      this.cell = cell;
    }

    UserDay userDay() {
      byte[] key = new byte[16];
      Arrays.fill(key, (byte) (0x70 + ordinal()));
      List<Event> events = new ArrayList<>();
      if (this == ORDINARY) {
        events.add(ORDINARY_CELL);
        events.add(ORDINARY_CELL);
      } else {
        events.addAll(Collections.nCopies(5000, CROWD_CELL));
        SplittableRandom r = new SplittableRandom(5000);
        for (int c = 0; c < 10; c++) {
          Event e =
              new Event(
                  PC4S[r.nextInt(PC4S.length)],
                  9 + c,
                  ACTIVITIES.get(r.nextInt(4)),
                  SBI_LIST[r.nextInt(SBI_LIST.length)]);
          events.addAll(Collections.nCopies(100, e));
        }
      }
      return new UserDay(key, D, List.copyOf(events));
    }
  }

  /**
   * Background user-days no bound touches, whatever the secret (their bounding is the identity).
   */
  final List<UserDay> inBounds = new ArrayList<>();

  /** Background user-days above a bound: their bounded contributions depend on the secret. */
  final List<UserDay> overBounds = new ArrayList<>();

  /** Bounded sums of the in-bounds user-days per date × pc4 (the same in every trial). */
  private final Map<Long, Map<Member, long[]>> baseSums = new HashMap<>();

  final PrivacyParams params;

  HarnessWorld(long seed, PrivacyParams params) {
    this.params = params;
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] regularHome = new int[600];
    byte[][] regular = keys(rnd, regularHome.length);
    for (int i = 0; i < regularHome.length; i++) {
      regularHome[i] = PC4S[rnd.nextInt(PC4S.length)];
    }
    int[] commuterHome = new int[560];
    byte[][] commuter = keys(rnd, commuterHome.length);
    for (int i = 0; i < commuterHome.length; i++) {
      commuterHome[i] = PC4S[rnd.nextInt(PC4S.length)];
    }
    byte[][] bots = keys(rnd, 8);
    byte[][] neighbours = keys(rnd, K - 1);
    List<UserDay> all = new ArrayList<>();
    for (LocalDate date : DATES) {
      for (int u = 0; u < regular.length; u++) {
        if (rnd.nextDouble() < 0.65) {
          List<Event> evs = new ArrayList<>();
          int cells = 1 + pick(rnd, new double[] {5, 3, 2});
          for (int c = 0; c < cells; c++) {
            int pc4 = rnd.nextDouble() < 0.75 ? regularHome[u] : PC4S[rnd.nextInt(PC4S.length)];
            evs.addAll(Collections.nCopies(1 + rnd.nextInt(3), avoid(date, cell(rnd, pc4))));
          }
          all.add(new UserDay(regular[u], date, evs));
        }
      }
      for (int u = 0; u < commuter.length; u++) {
        if (rnd.nextDouble() < 0.92) {
          List<Event> evs = new ArrayList<>(Collections.nCopies(1 + rnd.nextInt(2), CROWD_CELL));
          if (rnd.nextBoolean()) {
            evs.addAll(
                Collections.nCopies(1 + rnd.nextInt(3), avoid(date, cell(rnd, commuterHome[u]))));
          }
          all.add(new UserDay(commuter[u], date, evs));
        }
      }
      for (byte[] bot : bots) {
        List<Event> evs = new ArrayList<>();
        int cells = 4 + rnd.nextInt(4);
        int events = 15 + rnd.nextInt(30);
        List<Event> cs = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
          cs.add(avoid(date, cell(rnd, PC4S[rnd.nextInt(PC4S.length)])));
        }
        for (int e = 0; e < events; e++) {
          evs.add(cs.get(rnd.nextInt(cells)));
        }
        all.add(new UserDay(bot, date, evs));
      }
      if (date.equals(D)) {
        for (byte[] n : neighbours) {
          List<Event> evs = new ArrayList<>(Collections.nCopies(1 + rnd.nextInt(3), ORDINARY_CELL));
          evs.add(avoid(date, cell(rnd, PC4S[rnd.nextInt(PC4S.length)])));
          all.add(new UserDay(n, date, evs));
        }
      }
    }
    // Which user-days a bound touches does not depend on the secret (only which events it drops
    // does), so any key sorts them; the test checks the in-bounds ones under another secret.
    Bounding bounding = new Bounding(params, new NoiseStream(new byte[32]));
    for (UserDay ud : all) {
      Bounding.Result r = bounding.bound(ud.user(), ud.date(), ud.events());
      if (r.touched()) {
        overBounds.add(ud);
        continue;
      }
      inBounds.add(ud);
      for (Contribution c : r.contributions()) {
        long[] v =
            baseSums
                .computeIfAbsent(key(ud.date(), c.pc4()), k -> new TreeMap<>())
                .computeIfAbsent(c.member(), k -> new long[2]);
        v[0] += c.hits();
        v[1] += 1;
      }
    }
  }

  /** A fresh copy of the bounded sums of the in-bounds background of {@code date} × {@code pc4}. */
  ReleaseCore.Sums baseSums(LocalDate date, int pc4) {
    ReleaseCore.Sums s = new ReleaseCore.Sums();
    baseSums.getOrDefault(key(date, pc4), Map.of()).forEach((m, v) -> s.add(m, v[0], v[1]));
    return s;
  }

  /** Every background user-day of a date (raw events, before bounding). */
  List<UserDay> background(LocalDate date) {
    List<UserDay> out = new ArrayList<>();
    for (UserDay ud : inBounds) {
      if (ud.date().equals(date)) {
        out.add(ud);
      }
    }
    for (UserDay ud : overBounds) {
      if (ud.date().equals(date)) {
        out.add(ud);
      }
    }
    return out;
  }

  /** Grid position (x, y) in km of a pc4. */
  static double[] position(int pc4) {
    int i = pc4 - PC4S[0];
    if (i < 0 || i >= PC4S.length) {
      throw new IllegalArgumentException(
          "pc4 must be in " + PC4S[0] + ".." + PC4S[PC4S.length - 1] + ", got " + pc4);
    }
    return new double[] {i % 4, i / 4};
  }

  static double km(int a, int b) {
    double[] p = position(a);
    double[] q = position(b);
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  }

  /**
   * The pc4s of the area "within {@code radiusKm} of {@code centre}", as the service selects them.
   */
  static List<Integer> within(int centre, double radiusKm) {
    List<Integer> out = new ArrayList<>();
    for (int p : PC4S) {
      if (km(centre, p) <= radiusKm) {
        out.add(p);
      }
    }
    return out;
  }

  static long key(LocalDate date, int pc4) {
    return date.toEpochDay() * 100_000 + pc4;
  }

  private static List<LocalDate> datesFrom(LocalDate first, int n) {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(first.plusDays(i));
    }
    return List.copyOf(out);
  }

  private static byte[][] keys(SplittableRandom rnd, int n) {
    byte[][] out = new byte[n][16];
    for (byte[] k : out) {
      for (int i = 0; i < 16; i += 8) {
        long v = rnd.nextLong();
        for (int b = 0; b < 8; b++) {
          k[i + b] = (byte) (v >>> (8 * b));
        }
      }
    }
    return out;
  }

  private static Event cell(SplittableRandom rnd, int pc4) {
    return new Event(
        pc4,
        pick(rnd, HOUR_WEIGHT),
        ACTIVITIES.get(pick(rnd, ACTIVITY_WEIGHT)),
        SBI_LIST[pick(rnd, SBI_WEIGHT)]);
  }

  /**
   * Keeps {@link #ORDINARY_CELL} on D for the neighbours only (it must hold exactly K - 1 of them).
   */
  private static Event avoid(LocalDate date, Event e) {
    return date.equals(D) && e.equals(ORDINARY_CELL)
        ? new Event(e.pc4(), e.hour() + 1, e.activity(), e.sbi())
        : e;
  }

  private static int pick(SplittableRandom rnd, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rnd.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /**
   * Raw hits and distinct users per CELL of each date × pc4 (unbounded: what the old release
   * counts).
   */
  static Map<Long, Map<Member, long[]>> rawCells(List<UserDay> userDays) {
    Map<Long, Map<Member, long[]>> out = new HashMap<>();
    for (UserDay ud : userDays) {
      Map<Event, Integer> perCell = new LinkedHashMap<>();
      for (Event e : ud.events()) {
        perCell.merge(e, 1, Integer::sum);
      }
      perCell.forEach(
          (e, hits) -> {
            long[] v =
                out.computeIfAbsent(key(ud.date(), e.pc4()), x -> new TreeMap<>())
                    .computeIfAbsent(
                        Member.cell(e.hour(), e.activity(), e.sbi()), x -> new long[2]);
            v[0] += hits;
            v[1] += 1;
          });
    }
    return out;
  }
}
