package nl.datapoints.etl.bench;

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
  void ratesPerItemAndPerCore() {
    assertEquals(250.0, BenchMath.nsPer(1_000, 4));
    assertEquals(25.0, BenchMath.mbPerSecondPerCore(100_000_000, 2.0, 2));
    assertThrows(IllegalArgumentException.class, () -> BenchMath.nsPer(1, 0));
    assertThrows(IllegalArgumentException.class, () -> BenchMath.mbPerSecondPerCore(1, 0, 2));
  }

  @Test
  void incrementIsTheDifferenceButNeverNegative() {
    assertEquals(30.0, BenchMath.increment(100, 70));
    assertEquals(0.0, BenchMath.increment(70, 100));
  }
}
