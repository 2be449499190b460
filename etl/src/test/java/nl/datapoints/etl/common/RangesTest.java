package nl.datapoints.etl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link WholeRange} and {@link FractionRange}: the one bound and message of an option. */
class RangesTest {
  private static final WholeRange K = new WholeRange("min-users", 1, 1000);
  private static final FractionRange F = new FractionRange("bad-fraction", 0, 0.5);

  @Test
  void bothEndsOfAWholeRangeAreAllowed() {
    assertEquals(1, K.check(1));
    assertEquals(1000, K.check(1000));
    assertFalse(K.contains(0));
    assertFalse(K.contains(1001));
  }

  @Test
  void aWholeValueOutsideNamesOptionRangeAndValue() {
    assertEquals(
        "--min-users must be a whole number in 1..1000, got 5000",
        assertThrows(IllegalArgumentException.class, () -> K.check(5000)).getMessage());
  }

  @Test
  void bothEndsOfAFractionRangeAreAllowedAndNaNNever() {
    assertEquals(0.0, F.check(0.0));
    assertEquals(0.5, F.check(0.5));
    assertFalse(F.contains(Double.NaN));
    assertFalse(F.contains(-0.0001));
  }

  @Test
  void aFractionRangeIsSpelledShortest() {
    assertEquals("0..0.5", F.toString());
    assertEquals("0..1", new FractionRange("max-bad-fraction", 0, 1).toString());
    assertEquals(
        "--bad-fraction must be a fraction in 0..0.5, got 0.75",
        assertThrows(IllegalArgumentException.class, () -> F.check(0.75)).getMessage());
  }

  @Test
  void anEmptyRangeIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> new WholeRange("x", 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new FractionRange("x", Double.NaN, 1));
    assertTrue(new WholeRange("x", 3, 3).contains(3));
  }
}
