package nl.datapoints.etl.publish;

import java.time.LocalDate;

/**
 * The baseline rule of a published generation (pure; runs in the driver). The kept-generations and
 * rollback rules are the pointer row's own ({@link nl.datapoints.schemas.PointerRow}).
 */
final class Generations {
  private Generations() {}

  /**
   * A date has no baseline when any of its cells has a null delta, or when it has no cells at all
   * and D-7 was never published (nothing to tell a missing baseline from an empty day).
   */
  static boolean baselineMissing(DateTotals totals, boolean previousWeekExists) {
    return totals.nullDeltas() > 0 || (totals.cells() == 0 && !previousWeekExists);
  }

  /** The date seven days before {@code date}, whose aggregates are the baseline. */
  static LocalDate baselineDate(LocalDate date) {
    return date.minusDays(7);
  }
}
