package nl.datapoints.bench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DenseModelTest {
  private static final int[] PC4S = IntStream.range(1000, 1200).toArray();
  private static final List<String> SBI = List.of("4711", "5610", "4719");
  private static final double[] WEIGHTS = {5, 3, 1};

  private static DenseModel model(long seed) {
    return new DenseModel(seed, PC4S, SBI, WEIGHTS, 40);
  }

  @Test
  void sameSeedSameCellsOtherSeedOtherCells() {
    DenseModel a = model(42);
    DenseModel b = model(42);
    for (int d : new int[] {0, 6, 7, 20}) {
      for (int i : new int[] {0, 17, 199}) {
        assertEquals(a.cells(d, i), b.cells(d, i));
      }
    }
    assertNotEquals(a.cells(9, 3), model(43).cells(9, 3));
  }

  @Test
  void aDaysCellsDoNotDependOnWhichDaysWereAskedBefore() {
    DenseModel a = model(42);
    DenseModel b = model(42);
    a.cells(3, 5);
    a.cells(11, 5);
    assertEquals(b.cells(11, 5), a.cells(11, 5));
  }

  @Test
  void firstWeekHasNoBaselineAndLaterDaysCarryTheWeekBefore() {
    DenseModel m = model(42);
    for (int i = 0; i < 20; i++) {
      for (DenseModel.DenseCell c : m.cells(6, i)) {
        assertNull(c.delta());
        assertTrue(
            c.hits() >= DenseModel.MIN_HITS,
            "a cell of a day without baseline is published, hits >= k");
      }
      Map<DenseModel.Key, Long> weekAgo = new HashMap<>();
      m.cells(3, i).forEach(c -> weekAgo.put(c.key(), c.hits()));
      for (DenseModel.DenseCell c : m.cells(10, i)) {
        assertEquals(weekAgo.getOrDefault(c.key(), 0L), c.delta(), "delta is the hits of D-7");
        assertTrue(c.hits() == 0 || c.hits() >= DenseModel.MIN_HITS);
        if (c.hits() == 0) {
          assertTrue(c.delta() > 0, "a carried-over cell was published on D-7");
        }
      }
      // Every cell of D-7 appears on D (published again or carried over with hits 0).
      assertEquals(
          weekAgo.keySet(),
          m.cells(10, i).stream()
              .filter(c -> c.delta() > 0)
              .map(DenseModel.DenseCell::key)
              .collect(java.util.stream.Collectors.toSet()));
    }
  }

  @Test
  void averagesTheAskedDensity() {
    DenseModel m = model(42);
    long n = 0;
    for (int d = 7; d < 14; d++) {
      for (int i = 0; i < PC4S.length; i++) {
        n += m.cells(d, i).size();
      }
    }
    double perPc4Day = (double) n / (7 * PC4S.length);
    assertTrue(perPc4Day > 34 && perPc4Day < 46, "cells per pc4-day " + perPc4Day);
  }

  @Test
  void refusesNoSbiAndNoDensity() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DenseModel(1, PC4S, List.of(), new double[0], 40));
    assertThrows(IllegalArgumentException.class, () -> new DenseModel(1, PC4S, SBI, WEIGHTS, 0));
  }

  @Test
  void sliceIsKOfN() {
    assertArrayEquals(new int[] {2, 3}, DenseCells.slice("2/3"));
    assertEquals(
        "--slice must be K/N with 1 <= K <= N, got '3/2'",
        assertThrows(IllegalArgumentException.class, () -> DenseCells.slice("3/2")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> DenseCells.slice("0/2"));
    assertThrows(IllegalArgumentException.class, () -> DenseCells.slice("half"));
  }
}
