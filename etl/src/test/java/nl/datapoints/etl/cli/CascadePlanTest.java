package nl.datapoints.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CascadePlanTest {
  private static final LocalDate JAN1 = LocalDate.of(2013, 1, 1);

  private static TreeSet<LocalDate> published(LocalDate... dates) {
    return new TreeSet<>(List.of(dates));
  }

  private static LocalDate jan(int day) {
    return LocalDate.of(2013, 1, day);
  }

  @Test
  void followsTheChainWeekByWeek() {
    assertEquals(
        List.of(jan(8), jan(15), jan(22), jan(29)),
        CascadePlan.dependents(published(jan(8), jan(15), jan(22), jan(29)), JAN1, JAN1));
  }

  @Test
  void aWeekThatWasNeverPublishedStopsTheChain() {
    assertEquals(
        List.of(jan(8)), CascadePlan.dependents(published(jan(8), jan(22), jan(29)), JAN1, JAN1));
  }

  @Test
  void datesBeforeAndInsideTheRangeAreNotDependents() {
    TreeSet<LocalDate> p =
        published(LocalDate.of(2012, 12, 25), jan(1), jan(3), jan(7), jan(8), jan(14));
    assertEquals(List.of(jan(8), jan(14)), CascadePlan.dependents(p, JAN1, jan(7)));
  }

  @Test
  void onlyDatesWhoseBaselineIsInTheRangeOrADependentFollow() {
    // Range 1..3: the 8th, 9th and 10th depend on it, the 11th (D-7 = the 4th) does not.
    assertEquals(
        List.of(jan(8), jan(9), jan(10), jan(16)),
        CascadePlan.dependents(
            published(jan(8), jan(9), jan(10), jan(11), jan(16), jan(18)), JAN1, jan(3)));
  }

  @Test
  void nothingPublishedNothingToRedo() {
    assertEquals(List.of(), CascadePlan.dependents(published(), JAN1, jan(7)));
  }

  @Test
  void nothingAfterTheRangeNothingToRedo() {
    assertEquals(List.of(), CascadePlan.dependents(published(jan(1), jan(2)), JAN1, jan(7)));
  }
}
