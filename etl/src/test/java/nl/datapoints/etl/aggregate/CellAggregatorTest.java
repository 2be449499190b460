package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellAggregatorTest {
  private final CellAggregator k5 = new CellAggregator(5);

  @Test
  void publishesCellWithExactlyKUsers() {
    Outcome o = k5.decide(7, 5, Baseline.none());
    assertEquals(new Outcome(Outcome.Kind.PUBLISHED, 7, 0L, 0), o);
  }

  @Test
  void suppressesCellWithKMinusOneUsers() {
    Outcome o = k5.decide(9, 4, Baseline.none());
    assertFalse(o.publishes());
    assertEquals(9, o.suppressedHits());
  }

  @Test
  void deltaIsPublishedHitsOfSevenDaysEarlier() {
    assertEquals(12L, k5.decide(20, 6, Baseline.published(12)).delta());
  }

  @Test
  void deltaIsNullWhenBaselineMissing() {
    Outcome o = k5.decide(20, 6, Baseline.missing());
    assertTrue(o.publishes());
    assertNull(o.delta());
  }

  @Test
  void carriesOverCellPublishedOnDMinus7WithoutEventsOnD() {
    assertEquals(
        new Outcome(Outcome.Kind.CARRIED_OVER, 0, 8L, 0), k5.decide(0, 0, Baseline.published(8)));
  }

  @Test
  void carriesOverCellSuppressedOnDAndCountsItsSuppressedHits() {
    assertEquals(
        new Outcome(Outcome.Kind.CARRIED_OVER, 0, 8L, 3), k5.decide(3, 2, Baseline.published(8)));
  }

  @Test
  void doesNotCarryOverACarriedOverCellAgain() {
    // A cell published on D-7 with hits 0 (itself a carry-over) gives nothing on D.
    assertEquals(Outcome.NOTHING, k5.decide(0, 0, Baseline.published(0)));
  }

  @Test
  void publishesWithDeltaZeroWhenBaselineCellWasSuppressedOnDMinus7() {
    Outcome o = k5.decide(6, 5, Baseline.fromEvents(40, false));
    assertEquals(0L, o.delta());
  }

  @Test
  void doesNotCarryOverCellSuppressedOnDMinus7() {
    assertEquals(Outcome.NOTHING, k5.decide(0, 0, Baseline.fromEvents(40, false)));
  }

  @Test
  void baselineFromEventsInBatchEqualsBaselineFromPublishedParquet() {
    assertEquals(
        k5.decide(6, 5, Baseline.published(11)), k5.decide(6, 5, Baseline.fromEvents(11, true)));
    assertEquals(
        k5.decide(0, 0, Baseline.published(11)), k5.decide(0, 0, Baseline.fromEvents(11, true)));
  }

  @Test
  void noCarryOverWhenBaselineMissing() {
    assertEquals(Outcome.NOTHING, k5.decide(0, 0, Baseline.missing()));
  }

  @Test
  void suppressedCellWithoutBaselineIsNotPublished() {
    Outcome o = k5.decide(4, 1, Baseline.missing());
    assertEquals(Outcome.Kind.NOT_PUBLISHED, o.kind());
    assertEquals(4, o.suppressedHits());
  }

  @Test
  void kOfOnePublishesEverySeenCell() {
    assertTrue(new CellAggregator(1).decide(1, 1, Baseline.none()).publishes());
  }
}
