package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartitionSelectionTest {
  @Test
  void keepProbabilitiesSatisfyTheDpInequalitiesPerCell() {
    double eps = 0.3;
    double delta = 1e-6;
    int k = 3;
    PartitionSelection s = new PartitionSelection(eps, delta, k);
    double e = eps / k;
    double d = delta / k;
    assertEquals(0, s.probability(0));
    for (long n = 1; n <= s.alwaysKeptFrom() + 2; n++) {
      double p = s.probability(n);
      double prev = s.probability(n - 1);
      assertTrue(p >= prev, "monotone at " + n);
      assertTrue(p <= Math.exp(e) * prev + d + 1e-12, "keep: " + n);
      assertTrue(1 - prev <= Math.exp(e) * (1 - p) + d + 1e-12, "drop: " + n);
    }
    assertEquals(1, s.probability(s.alwaysKeptFrom()));
    assertTrue(s.probability(s.alwaysKeptFrom() - 1) < 1);
  }

  @Test
  void aCellNobodyTouchedIsNeverKeptAndABigOneAlways() {
    PartitionSelection s = new PartitionSelection(0.5, 1e-8, 1);
    NoiseStream rnd = new NoiseStream(NoiseStreamTest.KEY).reset(new byte[] {1});
    assertFalse(s.keeps(0, rnd));
    assertTrue(s.keeps(s.alwaysKeptFrom(), rnd));
    // π climbs like δ·e^(nε) to 1/2 at about ln(1/2δ)/ε ≈ 35 users, then as fast to 1: n* ≈ 70.
    assertTrue(s.alwaysKeptFrom() >= 60 && s.alwaysKeptFrom() <= 80, "n* = " + s.alwaysKeptFrom());
    assertTrue(
        s.probability(35) > 0.3 && s.probability(35) < 0.7,
        "half-way near 35: " + s.probability(35));
  }

  @Test
  void moreCellsPerUserRaiseTheThreshold() {
    assertTrue(
        new PartitionSelection(0.5, 1e-8, 3).alwaysKeptFrom()
            > 2 * new PartitionSelection(0.5, 1e-8, 1).alwaysKeptFrom());
  }

  @Test
  void rejectsBudgetsThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> new PartitionSelection(0, 1e-8, 1));
    assertThrows(IllegalArgumentException.class, () -> new PartitionSelection(0.5, 0, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new PartitionSelection(0.0001, 1e-12, 50));
    assertTrue(e.getMessage().contains("never keeps a cell for sure"), e.getMessage());
  }
}
