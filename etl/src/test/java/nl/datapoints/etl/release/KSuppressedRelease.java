package nl.datapoints.etl.release;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import nl.datapoints.schemas.Level;

/**
 * The old release, for comparison (test scope, pure): a CELL (hour × activity × SBI of a date ×
 * pc4) is published with its exact raw hits when it has at least k distinct users — the rule of
 * {@code etl.aggregate.CellAggregator} — and every coarser number is a sum of published cells. No
 * bounds, no noise: the release is a function of the data alone.
 */
final class KSuppressedRelease implements Answers {
  private final Map<Long, Map<Member, long[]>> background;
  private final List<HarnessWorld.UserDay> extraDays;
  private final Map<Long, Map<Member, long[]>> extra;
  private final int k;
  private final Map<Long, Map<Member, Long>> published = new java.util.HashMap<>();

  /**
   * @param background raw cells of the background ({@link HarnessWorld#rawCells}), not copied
   * @param extra the raw cells of the user-days added to it (the target), disjoint users
   */
  KSuppressedRelease(
      Map<Long, Map<Member, long[]>> background, List<HarnessWorld.UserDay> extra, int k) {
    this.background = background;
    this.extraDays = List.copyOf(extra);
    this.extra = HarnessWorld.rawCells(extra);
    this.k = k;
  }

  /** The published cells of a date × pc4 and their exact hits. */
  Map<Member, Long> published(LocalDate date, int pc4) {
    return published.computeIfAbsent(HarnessWorld.key(date, pc4), key -> publish(key));
  }

  private Map<Member, Long> publish(long key) {
    Map<Member, long[]> cells = new TreeMap<>();
    for (Map<Member, long[]> src :
        List.of(background.getOrDefault(key, Map.of()), extra.getOrDefault(key, Map.of()))) {
      src.forEach(
          (m, v) -> {
            long[] s = cells.computeIfAbsent(m, x -> new long[2]);
            s[0] += v[0];
            s[1] += v[1];
          });
    }
    Map<Member, Long> out = new TreeMap<>();
    cells.forEach(
        (m, v) -> {
          if (v[0] > 0 && v[1] >= k) {
            out.put(m, v[0]);
          }
        });
    return out;
  }

  @Override
  public long hits(
      Level level,
      Collection<Integer> pc4s,
      Collection<LocalDate> dates,
      Predicate<Member> filter) {
    long sum = 0;
    for (LocalDate d : dates) {
      for (int p : pc4s) {
        for (Map.Entry<Member, Long> e : published(d, p).entrySet()) {
          Member c = e.getKey();
          if (filter.test(Member.of(level, c.hour(), c.activity(), c.sbi()))) {
            sum += e.getValue();
          }
        }
      }
    }
    return sum;
  }

  @Override
  public double variance(
      Level level,
      Collection<Integer> pc4s,
      Collection<LocalDate> dates,
      Predicate<Member> filter) {
    return 0;
  }

  @Override
  public Answers rerun() {
    return new KSuppressedRelease(background, extraDays, k);
  }

  @Override
  public byte[] bytes(LocalDate date, int pc4) {
    Map<Member, Long> cells = published(date, pc4);
    ByteBuffer b = ByteBuffer.allocate(cells.size() * 16);
    cells.forEach(
        (m, hits) ->
            b.putInt(m.hour())
                .putInt(m.activity())
                .putInt(m.sbi().hashCode())
                .putInt(hits.intValue()));
    return b.array();
  }
}
