package nl.datapoints.etl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GenerationsTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  @Test
  void baselineIsMissingWhenAnyDeltaIsNull() {
    assertTrue(Generations.baselineMissing(new DateTotals(10, 50, 1), true));
  }

  @Test
  void baselineIsPresentWhenEveryDeltaIsSetEvenIfDMinus7DirIsGone() {
    assertFalse(Generations.baselineMissing(new DateTotals(10, 50, 0), false));
  }

  @Test
  void emptyDateHasBaselineOnlyWhenDMinus7WasPublished() {
    assertTrue(Generations.baselineMissing(DateTotals.ZERO, false));
    assertFalse(Generations.baselineMissing(DateTotals.ZERO, true));
    assertEquals(LocalDate.of(2013, 1, 1), Generations.baselineDate(D));
  }
}
