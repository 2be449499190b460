package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenchMathTest {
  @Test
  void medianOfOddAndEvenCountsAndUnsortedInput() {
    assertEquals(3.0, BenchMath.median(5, 1, 3));
    assertEquals(2.5, BenchMath.median(4, 1, 3, 2));
    assertEquals(7.0, BenchMath.median(7));
  }

  @Test
  void medianDoesNotReorderTheCallersArray() {
    double[] v = {3, 1, 2};
    BenchMath.median(v);
    assertEquals(3.0, v[0]);
  }

  @Test
  void medianOfNothingIsACallerMistake() {
    assertThrows(IllegalArgumentException.class, BenchMath::median);
  }

  @Test
  void nanosecondsPerItem() {
    assertEquals(250.0, BenchMath.nsPer(1_000, 4));
    assertThrows(IllegalArgumentException.class, () -> BenchMath.nsPer(1, 0));
  }
}
