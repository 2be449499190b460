package nl.datapoints.etl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.datapoints.schemas.Generation;
import org.junit.jupiter.api.Test;

class GenerationsTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  private static Generation g(long id) {
    return new Generation(id, id + 1000, false, 1, 1);
  }

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

  @Test
  void keptListPutsTheNewGenerationFirstAndTrims() {
    assertEquals(List.of(g(4), g(3), g(2)),
        Generations.keptAfterPublish(g(4), List.of(g(3), g(2), g(1)), 3));
    assertEquals(List.of(g(1)), Generations.keptAfterPublish(g(1), List.of(), 3));
  }

  @Test
  void republishingTheSameIdDoesNotKeepItTwice() {
    assertEquals(List.of(g(3), g(2)), Generations.keptAfterPublish(g(3), List.of(g(3), g(2)), 3));
  }

  @Test
  void rollbackGoesToTheKeptGenerationOlderThanTheCurrent() {
    List<Generation> kept = List.of(g(3), g(2), g(1));
    assertEquals(g(2), Generations.rollbackTarget(D, 3, kept, Optional.empty()));
    assertEquals(g(1), Generations.rollbackTarget(D, 2, kept, Optional.empty()));
  }

  @Test
  void rollbackPastTheOldestKeptIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Generations.rollbackTarget(D, 1, List.of(g(3), g(2), g(1)), Optional.empty()));
    assertTrue(e.getMessage().contains("[3, 2, 1]"), e.getMessage());
  }

  @Test
  void rollbackToAGivenGenerationMustBeKept() {
    List<Generation> kept = List.of(g(3), g(2), g(1));
    assertEquals(g(1), Generations.rollbackTarget(D, 3, kept, Optional.of(1L)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Generations.rollbackTarget(D, 3, kept, Optional.of(7L)));
    assertTrue(e.getMessage().contains("--generation") && e.getMessage().contains("[3, 2, 1]")
        && e.getMessage().contains("got 7"), e.getMessage());
  }
}
