package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reducer's pure part: shuffled values of one cell → baseline → outcome → stats. */
class CellMergeTest {
  private final CellMerge merge = new CellMerge(2);
  private final CellAggregator aggregator = new CellAggregator(2);

  @Test
  void baselineFromInBatchEventsWithEnoughUsersGivesTheirHits() {
    merge.add(value(CellValue.Tag.BASELINE_EVENTS, 1, 2, 2));
    assertEquals(Baseline.published(3), merge.baseline(false));
  }

  @Test
  void baselineFromInBatchEventsWithTooFewUsersGivesZero() {
    merge.add(value(CellValue.Tag.BASELINE_EVENTS, 1, 1, 1));
    assertEquals(Baseline.none(), merge.baseline(false));
  }

  @Test
  void baselineIsMissingForADateWithoutBaselineWhateverArrived() {
    merge.add(new CellValue().setPublished(4));
    assertEquals(Baseline.missing(), merge.baseline(true));
  }

  @Test
  void resetForgetsThePreviousCell() {
    merge.add(value(CellValue.Tag.CURRENT, 1, 2));
    merge.add(new CellValue().setPublished(4));
    merge.reset();
    merge.add(value(CellValue.Tag.CURRENT, 1));
    assertEquals(1, merge.current().hits);
    assertEquals(1, merge.current().users.distinctCapped());
    assertEquals(Baseline.none(), merge.baseline(false));
  }

  @Test
  void statsCountCarryOverAsPublishedAndItsOwnHitsAsSuppressed() {
    BatchDates batch = new BatchDates(List.of(LocalDate.parse("2013-01-08")), Set.of());
    DateStats stats = new DateStats(batch);
    merge.add(value(CellValue.Tag.CURRENT, 1, 1));
    merge.add(new CellValue().setPublished(4));
    stats.record(
        0,
        aggregator.decide(
            merge.current().hits, merge.current().users.distinctCapped(), merge.baseline(false)));
    assertEquals(
        List.of(
            "2013-01-08\tcells_published\t1",
            "2013-01-08\thits_published\t0",
            "2013-01-08\tcells_suppressed\t1",
            "2013-01-08\thits_suppressed\t2"),
        stats.lines());
  }

  private static CellValue value(CellValue.Tag tag, int... users) {
    CellTally t = new CellTally(2);
    for (int u : users) {
      t.addEvent(u, u);
    }
    return new CellValue().set(tag, t);
  }
}
