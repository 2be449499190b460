package nl.datapoints.etl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {
  private static final LocalDate D1 = LocalDate.of(2013, 1, 1);
  private static final LocalDate D8 = LocalDate.of(2013, 1, 8);
  private static final LocalDate D15 = LocalDate.of(2013, 1, 15);

  @Test
  void cascadeDatesAreAggregatedReleasedAndPublishedButNotEnriched() {
    Plan p = Plan.full(List.of(D8, D1), List.of(D15), true);
    assertEquals(List.of(D1, D8), p.enrich());
    assertEquals(List.of(D1, D8, D15), p.aggregate());
    assertEquals(List.of(D1, D8, D15), p.release(), "their deltas are the range's released values");
    assertEquals(List.of(D1, D8, D15), p.publish());
  }

  @Test
  void noPublishLeavesPublishEmpty() {
    assertEquals(List.of(), Plan.full(List.of(D1), List.of(), false).publish());
  }

  @Test
  void duplicatesCollapseAndAllCoversEveryStage() {
    Plan p = new Plan(List.of(D8, D8), List.of(D1), List.of(D1.minusDays(1)), List.of(D15));
    assertEquals(List.of(D8), p.enrich());
    assertEquals(List.of(D1.minusDays(1), D1, D8, D15), List.copyOf(p.all()));
  }
}
