package nl.datapoints.etl.release;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import nl.datapoints.schemas.Level;

/**
 * The differentially private release of one date × pc4 (pure; runs in the reduce task of the
 * release job, and in memory in the attack harness): from the bounded sums of every member to noisy
 * released values (docs/privacy.md §2-3).
 *
 * <ul>
 *   <li>TOTAL, every HOUR 0-23 and every SBI of the public SBI domain get a value, zeros included,
 *       so that presence reveals nothing: bounded sum + discrete Laplace noise of scale Δ_level /
 *       ε_level. Nothing outside the public domain is released at these levels.
 *   <li>A CELL is released only when partition selection keeps it (by its number of distinct
 *       users), then with noise of scale Δ_cell / ε_cell. A cell nobody touched is never kept.
 * </ul>
 *
 * Every draw comes from {@link NoiseStream} keyed by the release secret over {@link ValueId}, so
 * the release is a function of (secret, parameters, bounded sums): a rerun on unchanged input is
 * identical, and a changed sum draws fresh noise. Released values are never clamped, so sums of
 * them stay unbiased (they may be negative).
 */
final class ReleaseCore {
  private final PrivacyParams params;
  private final NoiseStream rnd;
  private final List<String> sbiDomain;
  private final PartitionSelection selection;
  private final Map<Level, long[]> ratio = new EnumMap<>(Level.class);
  private final Map<Level, Double> scale = new EnumMap<>(Level.class);

  /**
   * @param sbiDomain the public SBI codes every pc4 gets a value for (the catalogue and every code
   *     merchants map to)
   */
  ReleaseCore(PrivacyParams params, NoiseStream rnd, SortedSet<String> sbiDomain) {
    this.params = params;
    this.rnd = rnd;
    this.sbiDomain = List.copyOf(sbiDomain);
    this.selection =
        new PartitionSelection(
            params.selectionEpsilon().doubleValue(),
            params.delta(),
            params.maxCells().get(Level.CELL));
    for (Level l : Level.values()) {
      ratio.put(l, params.scaleRatio(l));
      scale.put(l, params.scale(l));
    }
  }

  /** A released value: noisy hits and the scale of their noise. */
  record Released(long hits, double scale) {}

  /** The bounded sums of one date × pc4: hits and distinct users per member. */
  static final class Sums {
    private final Map<Member, long[]> byMember = new TreeMap<>();

    /** Adds one user-day's bounded contribution to a member. */
    Sums add(Member m, long hits, long users) {
      long[] v = byMember.computeIfAbsent(m, k -> new long[2]);
      v[0] += hits;
      v[1] += users;
      return this;
    }

    long hits(Member m) {
      long[] v = byMember.get(m);
      return v == null ? 0 : v[0];
    }

    long users(Member m) {
      long[] v = byMember.get(m);
      return v == null ? 0 : v[1];
    }

    /** Every member with a contribution, in order. */
    Iterable<Member> members() {
      return byMember.keySet();
    }
  }

  /** The scale b of the noise of a level's values. */
  double scale(Level level) {
    return scale.get(level);
  }

  /**
   * The release of {@code pc4} on {@code date}: every public member and the selected cells, in
   * order.
   */
  SortedMap<Member, Released> release(LocalDate date, int pc4, Sums sums) {
    SortedMap<Member, Released> out = new TreeMap<>();
    put(out, date, pc4, Member.TOTAL, sums);
    for (int h = 0; h < 24; h++) {
      put(out, date, pc4, Member.hour(h), sums);
    }
    for (String sbi : sbiDomain) {
      put(out, date, pc4, Member.sbi(sbi), sums);
    }
    for (Member m : sums.members()) {
      if (m.level() == Level.CELL) {
        long users = sums.users(m);
        rnd.reset(
            ValueId.of(
                ValueId.Purpose.SELECT,
                Level.CELL,
                date,
                pc4,
                m.hour(),
                m.activity(),
                m.sbi(),
                users));
        if (selection.keeps(users, rnd)) {
          put(out, date, pc4, m, sums);
        }
      }
      // A public-level member outside the public domain (an SBI code no reference file lists) is
      // never released: its presence alone would tell that someone was there.
    }
    return Collections.unmodifiableSortedMap(out);
  }

  private void put(SortedMap<Member, Released> out, LocalDate date, int pc4, Member m, Sums sums) {
    long value = sums.hits(m);
    long[] r = ratio.get(m.level());
    rnd.reset(
        ValueId.of(
            ValueId.Purpose.NOISE, m.level(), date, pc4, m.hour(), m.activity(), m.sbi(), value));
    out.put(m, new Released(value + DiscreteLaplace.sample(rnd, r[1], r[0]), scale.get(m.level())));
  }
}
