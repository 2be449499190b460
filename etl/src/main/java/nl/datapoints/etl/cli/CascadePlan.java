package nl.datapoints.etl.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which published dates a backfill of {@code from..to} must recompute too (pure; driver side): a
 * date's delta is against D-7, so a date after the range depends on it when its D-7 is in the range
 * or is itself such a date. The chain is followed week by week and stops at the first week that was
 * never published.
 */
final class CascadePlan {
  private CascadePlan() {}

  /**
   * The dependents among {@code published}, ascending; dates before or inside the range are never
   * dependents (the backfill redoes those itself or does not touch them).
   */
  static List<LocalDate> dependents(SortedSet<LocalDate> published, LocalDate from, LocalDate to) {
    TreeSet<LocalDate> dependent = new TreeSet<>();
    // Ascending, so a date's D-7 has been decided before the date itself.
    for (LocalDate d : published.tailSet(to.plusDays(1))) {
      LocalDate base = d.minusDays(7);
      boolean inRange = !base.isBefore(from) && !base.isAfter(to);
      if (inRange || dependent.contains(base)) {
        dependent.add(d);
      }
    }
    return List.copyOf(dependent);
  }
}
