package nl.datapoints.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

  @Test
  void nearestRankOfOneToHundredIsTheRankItself() {
    assertEquals(50, Percentiles.nearestRank(ONE_TO_HUNDRED, 0.50));
    assertEquals(90, Percentiles.nearestRank(ONE_TO_HUNDRED, 0.90));
    assertEquals(99, Percentiles.nearestRank(ONE_TO_HUNDRED, 0.99));
    assertEquals(100, Percentiles.nearestRank(ONE_TO_HUNDRED, 1.0));
  }

  @Test
  void nearestRankRoundsTheRankUp() {
    long[] ten = LongStream.rangeClosed(1, 10).map(v -> v * 10).toArray();
    // 0.99 * 10 = 9.9 -> rank 10: with few runs p99 is the maximum.
    assertEquals(100, Percentiles.nearestRank(ten, 0.99));
    assertEquals(50, Percentiles.nearestRank(ten, 0.5));
    assertEquals(7, Percentiles.nearestRank(new long[] {7}, 0.01));
  }

  @Test
  void millisOfNanos() {
    assertEquals(2.5, Percentiles.millis(new long[] {1_000_000, 2_500_000, 9_000_000}, 0.5));
  }

  @Test
  void noValuesIsNaNAndAQuantileOutsideItsRangeIsRefused() {
    assertTrue(Double.isNaN(Percentiles.nearestRank(new long[0], 0.5)));
    assertEquals(
        "a quantile must be in (0, 1], got 0.0",
        assertThrows(
                IllegalArgumentException.class, () -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Percentiles.nearestRank(ONE_TO_HUNDRED, 1.5));
  }
}
