package nl.datapoints.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccuracyTest {
  private static final double EPS = 1e-12;

  @Test
  void completenessIsReleasedSumOverTrueSum() {
    assertEquals(0.59, Accuracy.completeness(new long[] {50, 9}, new long[] {80, 20}), EPS);
    assertTrue(Double.isNaN(Accuracy.completeness(new long[] {3}, new long[] {0})));
  }

  @Test
  void weightedErrorSumsAbsoluteErrorsSoSignsDoNotCancel() {
    // +10 and -10 cancel in the completeness (1.0) but not in the error: 20 / 200.
    long[] truth = {100, 100};
    long[] released = {110, 90};
    assertEquals(1.0, Accuracy.completeness(released, truth), EPS);
    assertEquals(0.1, Accuracy.weightedRelativeError(released, truth), EPS);
  }

  @Test
  void weightedErrorWeighsLargeAnswersMore() {
    // 1 off of 10 (10%) and 10 off of 1000 (1%): 11 / 1010, not the mean 5.5%.
    assertEquals(
        11.0 / 1010, Accuracy.weightedRelativeError(new long[] {9, 1010}, new long[] {10, 1000}));
  }

  @Test
  void timelineL1IsTheSumOfAbsoluteErrorsPerSlot() {
    assertEquals(3 + 0 + 4, Accuracy.absoluteError(new long[] {0, 5, 10}, new long[] {3, 5, 6}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Accuracy.absoluteError(new long[] {1}, new long[] {1, 2}));
  }

  @Test
  void withinFivePercentIncludesTheBoundary() {
    assertTrue(Accuracy.within(105, 100, 0.05));
    assertTrue(Accuracy.within(95, 100, 0.05));
    assertFalse(Accuracy.within(106, 100, 0.05));
    assertFalse(Accuracy.within(94, 100, 0.05));
  }

  @Test
  void aTrueZeroIsMatchedOnlyByAReleasedZero() {
    assertTrue(Accuracy.within(0, 0, 0.05));
    assertFalse(Accuracy.within(1, 0, 0.05));
  }

  @Test
  void withinShareCountsAnswers() {
    assertEquals(
        0.5,
        Accuracy.withinShare(new long[] {100, 50, 0, 1000}, new long[] {101, 100, 0, 900}, 0.05),
        EPS);
  }

  @Test
  void topOrdersByHitsThenCodeAndDropsZeros() {
    Map<String, Long> hits =
        Map.of("56", 10L, "47", 10L, "4711", 30L, "10", 0L, "93", -4L, "85", 1L);
    assertEquals(List.of("4711", "47", "56", "85"), Accuracy.top(hits, 5));
    assertEquals(List.of("4711", "47"), Accuracy.top(hits, 2));
  }

  @Test
  void recallIsTheShareOfTrueTopFiveInTheReleasedTopFive() {
    Map<String, Long> truth =
        Map.of("a1", 100L, "a2", 90L, "a3", 80L, "a4", 70L, "a5", 60L, "a6", 50L);
    // The release swaps a5 for a6 at the edge of the top five: 4 of 5.
    Map<String, Long> released =
        Map.of("a1", 100L, "a2", 90L, "a3", 80L, "a4", 70L, "a5", 40L, "a6", 55L);
    assertEquals(0.8, Accuracy.recall(truth, released, 5), EPS);
    assertEquals(1.0, Accuracy.recall(truth, truth, 5), EPS);
  }

  @Test
  void recallWithFewerThanFiveTrueCodesCountsThose() {
    Map<String, Long> truth = Map.of("56", 5L, "47", 3L);
    assertEquals(0.5, Accuracy.recall(truth, Map.of("56", 1L, "10", 7L), 5), EPS);
    assertEquals(0.0, Accuracy.recall(truth, Map.of(), 5), EPS);
  }

  @Test
  void recallWithoutTrueHitsIsUndefined() {
    assertTrue(Double.isNaN(Accuracy.recall(Map.of("56", 0L), Map.of("56", 3L), 5)));
  }

  @Test
  void tooFewWhenTheMarginExceedsTheShareOfTheValue() {
    assertFalse(Accuracy.tooFew(100, 50, 0.5));
    assertTrue(Accuracy.tooFew(100, 51, 0.5));
    assertTrue(Accuracy.tooFew(0, 1, 0.5));
    assertFalse(Accuracy.tooFew(0, 0, 0.5));
  }
}
