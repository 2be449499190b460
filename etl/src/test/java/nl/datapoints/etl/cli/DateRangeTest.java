package nl.datapoints.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateRangeTest {
  private static final LocalDate D = LocalDate.of(2016, 2, 28);

  @Test
  void bothEndsAreIncludedAcrossALeapDay() {
    assertEquals(List.of(D, D.plusDays(1), D.plusDays(2)), DateRange.of(D, D.plusDays(2)));
  }

  @Test
  void oneDayIsARange() {
    assertEquals(List.of(D), DateRange.of(D, D));
  }

  @Test
  void toBeforeFromNamesBoth() {
    UsageException e = assertThrows(UsageException.class, () -> DateRange.of(D, D.minusDays(1)));
    assertEquals("--to must not be before --from, got 2016-02-28 .. 2016-02-27", e.getMessage());
  }

  @Test
  void aYearIncludingALeapDayIsTheLongestRange() {
    assertEquals(366, DateRange.of(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31)).size());
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> DateRange.of(LocalDate.of(2016, 1, 1), LocalDate.of(2017, 1, 1)));
    assertEquals("a range covers at most 366 days, got 367", e.getMessage());
  }
}
