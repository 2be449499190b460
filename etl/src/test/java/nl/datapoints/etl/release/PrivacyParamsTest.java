package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class PrivacyParamsTest {
  private static final PrivacyParams D = PrivacyParams.DEFAULT;

  @Test
  void defaultsSpendOneEpsilonPerDateWithSensitivityTen() {
    BigDecimal sum = D.selectionEpsilon();
    for (Level l : Level.values()) {
      sum = sum.add(D.epsilonOf(l));
      assertEquals(10, D.sensitivity(l), l.toString());
    }
    assertEquals(0, sum.compareTo(BigDecimal.ONE));
  }

  @Test
  void scalesAreExactRatios() {
    assertArrayEquals(new long[] {200, 7}, D.scaleRatio(Level.TOTAL)); // 10 / 0.35
    assertArrayEquals(new long[] {40, 1}, D.scaleRatio(Level.HOUR)); // 10 / 0.25
    assertArrayEquals(new long[] {100, 1}, D.scaleRatio(Level.CELL)); // 10 / 0.1
    assertEquals(200.0 / 7, D.scale(Level.TOTAL), 1e-12);
  }

  @Test
  void sensitivityIsTheSmallerOfTheEventCapAndCellsTimesHits() {
    PrivacyParams p =
        new PrivacyParams(
            new BigDecimal("2"),
            D.split(),
            1e-8,
            50,
            PrivacyParams.perLevel("total=2,hour=3,sbi=50,cell=1"),
            PrivacyParams.perLevel("total=4,hour=1,sbi=5,cell=7"));
    assertEquals(8, p.sensitivity(Level.TOTAL));
    assertEquals(3, p.sensitivity(Level.HOUR));
    assertEquals(50, p.sensitivity(Level.SBI));
    assertEquals(7, p.sensitivity(Level.CELL));
  }

  @Test
  void roundTripsThroughTheJobConfiguration() {
    Configuration conf = new Configuration(false);
    D.writeTo(conf);
    assertEquals(D, PrivacyParams.readFrom(conf));
    assertEquals("1.0", conf.get("datapoints.release.epsilon"));
  }

  @Test
  void refusesASplitThatDoesNotSumToOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PrivacyParams(
                    BigDecimal.ONE,
                    PrivacyParams.splitOf("total=0.5,hour=0.25,sbi=0.2,cell=0.1,select=0.1"),
                    1e-8,
                    10,
                    D.maxCells(),
                    D.maxHits()));
    assertTrue(
        e.getMessage().contains("sum to 1") && e.getMessage().contains("sum 1.15"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PrivacyParams.splitOf("total=x"));
    assertThrows(IllegalArgumentException.class, () -> PrivacyParams.splitOf("total"));
  }

  @Test
  void refusesOutOfRangeOptionsNamingThem() {
    assertEquals(
        "--epsilon must be in 0.01..100, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new PrivacyParams(
                        BigDecimal.ZERO, D.split(), 1e-8, 10, D.maxCells(), D.maxHits()))
            .getMessage());
    assertEquals(
        "--max-events must be in 1..1000, got 0",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new PrivacyParams(
                        BigDecimal.ONE, D.split(), 1e-8, 0, D.maxCells(), D.maxHits()))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new PrivacyParams(
                        BigDecimal.ONE, D.split(), 0.5, 10, D.maxCells(), D.maxHits()))
            .getMessage()
            .startsWith("--delta must be in"));
    assertEquals(
        "a level must be total, hour, sbi or cell, got 'week'",
        assertThrows(IllegalArgumentException.class, () -> PrivacyParams.perLevel("week=3"))
            .getMessage());
  }
}
