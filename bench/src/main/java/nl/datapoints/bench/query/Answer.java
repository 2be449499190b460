package nl.datapoints.bench.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One answer in a form every side can give and {@code equals} compares: the area's postcodes, and
 * the totals, per SBI, per date/hour and per postcode the shown hits and delta with their margins
 * ({@link Num}). Timeline entries over which nothing was summed (both margins 0: the service lists
 * every hour, SQL only the hours with values) are left out on every side; SBIs and points are taken
 * as each side gives them, so an entry one side should not list shows up as a difference.
 *
 * @param area postcodes of the area, ascending
 * @param totals the totals
 * @param sbi SBI code → its stats entry, sorted
 * @param timeline {@code date/hour} → its entry, sorted
 * @param points postcode → its entry, sorted
 */
record Answer(
    List<Integer> area,
    Num totals,
    Map<String, Num> sbi,
    Map<String, Num> timeline,
    Map<Integer, Num> points) {

  /**
   * One number of an answer as shown: hits (max(0, Σ)) and its 95% margin, delta and its margin
   * (both null when a date summed over has no baseline).
   */
  record Num(long hits, long hitsMoe, Long delta, Long deltaMoe) {
    /** True when nothing was summed: no released hits and no released delta. */
    boolean empty() {
      return hitsMoe == 0 && (deltaMoe == null || deltaMoe == 0);
    }

    @Override
    public String toString() {
      return hits + "±" + hitsMoe + "/" + delta + "±" + deltaMoe;
    }
  }

  Answer {
    area = List.copyOf(area);
    sbi = new TreeMap<>(sbi);
    TreeMap<String, Num> t = new TreeMap<>();
    timeline.forEach(
        (k, v) -> {
          if (!v.empty()) {
            t.put(k, v);
          }
        });
    timeline = t;
    points = new TreeMap<>(points);
  }

  /** One line for the check's output: sizes and totals. */
  String shape() {
    return "area="
        + area.size()
        + " total="
        + totals
        + " sbi="
        + sbi.size()
        + " timeline="
        + timeline.size()
        + " points="
        + points.size();
  }

  /** What differs from {@code o}, part by part, for the check's output (empty when equal). */
  String differences(Answer o) {
    StringBuilder b = new StringBuilder();
    if (!area.equals(o.area)) {
      b.append(" area ").append(area.size()).append(" vs ").append(o.area.size()).append(';');
    }
    if (!totals.equals(o.totals)) {
      b.append(" totals ").append(totals).append(" vs ").append(o.totals).append(';');
    }
    diff(b, "sbi", sbi, o.sbi);
    diff(b, "timeline", timeline, o.timeline);
    diff(b, "points", points, o.points);
    return b.toString();
  }

  private static <K> void diff(StringBuilder b, String part, Map<K, Num> a, Map<K, Num> o) {
    if (a.equals(o)) {
      return;
    }
    int shown = 0;
    b.append(' ').append(part).append(' ').append(a.size()).append(" vs ").append(o.size());
    Set<K> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(o.keySet());
    for (K k : keys) {
      if (!Objects.equals(a.get(k), o.get(k)) && shown++ < 3) {
        b.append(", ").append(k).append(": ").append(a.get(k)).append(" vs ").append(o.get(k));
      }
    }
    b.append(';');
  }
}
