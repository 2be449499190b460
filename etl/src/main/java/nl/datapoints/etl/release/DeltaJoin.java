package nl.datapoints.etl.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import nl.datapoints.etl.release.ReleaseCore.Released;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;

/**
 * Joins the release of a date with the release of the same pc4 seven days earlier (pure): the delta
 * of a member is its released value on D-7, so it costs no second noise and no privacy
 * (post-processing). A member released on D-7 but not on D (a CELL not selected again) is kept with
 * {@code released = false} and hits 0, so that sums of hits and of delta over any area compare like
 * with like; a member not released on D-7 has delta 0 exactly; without a release of D-7 at all
 * every delta is null.
 */
final class DeltaJoin {
  private DeltaJoin() {}

  /**
   * @param today the release of {@code date}
   * @param baseline the release of {@code date - 7}, or null when D-7 was never released
   */
  static List<ReleasedValue> join(
      LocalDate date,
      int pc4,
      SortedMap<Member, Released> today,
      SortedMap<Member, Released> baseline) {
    TreeSet<Member> members = new TreeSet<>(today.keySet());
    if (baseline != null) {
      members.addAll(baseline.keySet());
    }
    List<ReleasedValue> out = new ArrayList<>(members.size());
    for (Member m : members) {
      Released t = today.get(m);
      Released b = baseline == null ? null : baseline.get(m);
      ReleasedValue v = new ReleasedValue();
      v.setDate(date);
      v.setPc4(pc4);
      v.setLevel(m.level());
      v.setHour(m.hour() < 0 ? null : m.hour());
      v.setActivity(m.level() == Level.CELL ? m.activity() : null);
      v.setSbi(m.level() == Level.SBI || m.level() == Level.CELL ? m.sbi() : null);
      v.setReleased(t != null);
      v.setHits(t == null ? 0 : t.hits());
      v.setHitsScale(t == null ? 0 : t.scale());
      v.setDelta(baseline == null ? null : b == null ? 0L : b.hits());
      v.setDeltaScale(baseline == null ? null : b == null ? 0.0 : b.scale());
      out.add(v);
    }
    return out;
  }

  /**
   * The member a released value belongs to, and its value as {@link Released} (reading D-7 back).
   */
  static Member memberOf(ReleasedValue v) {
    return new Member(
        v.getLevel(),
        v.getHour() == null ? -1 : v.getHour(),
        v.getActivity() == null ? 0 : v.getActivity(),
        v.getSbi() == null ? "" : v.getSbi());
  }
}
