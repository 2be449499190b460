package nl.datapoints.etl.cli;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The dates of a {@code --from DATE --to DATE} range, validated (pure; driver side). */
final class DateRange {
  /** The longest range a backfill or publish takes, in days (a year, leap day included). */
  static final int MAX_DAYS = 366;

  private DateRange() {}

  /**
   * The dates {@code from..to}, both included.
   *
   * @throws UsageException when {@code to} is before {@code from} or the range is longer than
   *     {@link #MAX_DAYS}
   */
  static List<LocalDate> of(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new UsageException("--to must not be before --from, got " + from + " .. " + to);
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new UsageException("a range covers at most " + MAX_DAYS + " days, got " + days);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      dates.add(d);
    }
    return dates;
  }
}
