package nl.datapoints.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {

  @Test
  void drawsInProportionToWeightAndNeverAZeroWeight() {
    AliasTable t = new AliasTable(new double[] {1, 0, 3, 6});
    SplittableRandom r = new SplittableRandom(1);
    int[] counts = new int[4];
    for (int i = 0; i < 100_000; i++) {
      counts[t.sample(r)]++;
    }
    assertEquals(0, counts[1]);
    assertEquals(0.1, counts[0] / 100_000.0, 0.01);
    assertEquals(0.3, counts[2] / 100_000.0, 0.01);
    assertEquals(0.6, counts[3] / 100_000.0, 0.01);
  }

  @Test
  void hashDrawsAreFixedPerKeyAndProportional() {
    AliasTable t = new AliasTable(new double[] {1, 3});
    assertEquals(t.sample(AliasTable.mix(42)), t.sample(AliasTable.mix(42)));
    int ones = 0;
    for (long k = 0; k < 100_000; k++) {
      ones += t.sample(AliasTable.mix(k));
    }
    assertEquals(0.75, ones / 100_000.0, 0.01);
  }

  @Test
  void rejectsEmptyNegativeOrAllZeroWeights() {
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, -1}));
    assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0}));
  }
}
