package nl.datapoints.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.datapoints.etl.publish.RowBlocks;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;
import org.junit.jupiter.api.Test;

class DenseReleaseModelTest {
  private static final LocalDate FROM = LocalDate.of(2013, 1, 1);
  private static final int[] PC4S = {1011, 1012, 1013, 3011};
  private static final List<String> SBIS = List.of("4711", "47", "5610", "9999");
  private static final double[] WEIGHTS = {5, 3, 2, 0}; // 9999: no merchant

  private static DenseReleaseModel model(long seed, double cells) {
    return new DenseReleaseModel(
        seed, FROM, PC4S, SBIS, WEIGHTS, 40_000, cells, DenseRelease.scales());
  }

  private static String key(ReleasedValue v) {
    return v.getLevel() + "/" + v.getHour() + "/" + v.getActivity() + "/" + v.getSbi();
  }

  @Test
  void theSameSeedGivesTheSameReleaseAndAnotherSeedAnother() {
    DenseReleaseModel a = model(42, 3);
    DenseReleaseModel b = model(42, 3);
    for (int d = 0; d < 10; d++) {
      for (int i = 0; i < PC4S.length; i++) {
        assertEquals(a.release(d, i), b.release(d, i), "day " + d + " pc4 index " + i);
      }
    }
    assertNotEquals(a.release(8, 1), model(43, 3).release(8, 1));
  }

  @Test
  void everyPostcodeGetsTheWholePublicDomainEveryDayWithTheDefaultScales() {
    DenseReleaseModel m = model(7, 0);
    for (int d = 0; d < 9; d++) {
      for (int i = 0; i < PC4S.length; i++) {
        List<ReleasedValue> vs = m.release(d, i);
        Map<Level, Integer> perLevel = new HashMap<>();
        for (ReleasedValue v : vs) {
          assertEquals(FROM.plusDays(d), v.getDate());
          assertEquals(PC4S[i], v.getPc4());
          assertTrue(v.getReleased());
          assertEquals(DenseRelease.PARAMS.scale(v.getLevel()), v.getHitsScale());
          perLevel.merge(v.getLevel(), 1, Integer::sum);
        }
        assertEquals(1, perLevel.get(Level.TOTAL));
        assertEquals(24, perLevel.get(Level.HOUR));
        assertEquals(SBIS.size(), perLevel.get(Level.SBI)); // the SBI without merchants too
        assertNull(perLevel.get(Level.CELL));
      }
    }
    // The defaults' scales: sensitivity 10 over epsilon 0.35, 0.25, 0.2, 0.1.
    assertEquals(10 / 0.35, DenseRelease.PARAMS.scale(Level.TOTAL), 1e-9);
    assertEquals(10 / 0.1, DenseRelease.PARAMS.scale(Level.CELL), 1e-9);
  }

  @Test
  void deltasAreTheReleasedValuesOfSevenDaysEarlierAndNullInTheFirstWeek() {
    DenseReleaseModel m = model(11, 4);
    for (ReleasedValue v : m.release(6, 2)) {
      assertNull(v.getDelta());
      assertNull(v.getDeltaScale());
    }
    Map<String, ReleasedValue> weekAgo = new HashMap<>();
    m.release(3, 2).forEach(v -> weekAgo.put(key(v), v));
    int keptForDelta = 0;
    for (ReleasedValue v : m.release(10, 2)) {
      ReleasedValue b = weekAgo.get(key(v));
      // D-7's own deltas are null (its D-7 is outside the set), so compare with its hits.
      if (b != null && b.getReleased()) {
        assertEquals(b.getHits(), v.getDelta(), key(v));
        assertEquals(b.getHitsScale(), v.getDeltaScale());
      } else {
        assertEquals(0L, v.getDelta(), key(v));
        assertEquals(0.0, v.getDeltaScale());
      }
      if (!v.getReleased()) {
        keptForDelta++;
        assertEquals(Level.CELL, v.getLevel());
        assertEquals(0, v.getHits());
        assertEquals(0.0, v.getHitsScale());
        assertTrue(v.getDeltaScale() > 0, "a kept cell was released a week earlier");
      }
    }
    // Every member of D-7 is there on D (released again, or kept for its delta).
    List<String> today = m.release(10, 2).stream().map(DenseReleaseModelTest::key).toList();
    assertTrue(today.containsAll(weekAgo.keySet()));
    assertEquals(
        today.size() - keptForDelta,
        m.day(10, 2).size(),
        "released members of D = members of D minus those kept for their delta");
  }

  @Test
  void cellsAreTheBusiestMembersAboutAsManyAsAskedAndSomeAreKeptOnlyForTheirDelta() {
    DenseReleaseModel m = model(5, 3);
    long selected = 0;
    long kept = 0;
    int pc4Days = 0;
    for (int d = 7; d < 35; d++) {
      for (int i = 0; i < PC4S.length; i++) {
        pc4Days++;
        for (ReleasedValue v : m.release(d, i)) {
          if (v.getLevel() == Level.CELL) {
            assertTrue(v.getHour() >= 0 && v.getHour() < 24);
            assertTrue(
                java.util.Arrays.stream(DenseReleaseModel.ACTIVITIES)
                    .anyMatch(a -> a == v.getActivity()),
                "activity " + v.getActivity());
            assertNotEquals("9999", v.getSbi(), "no cell of an SBI without merchants");
            if (v.getReleased()) {
              selected++;
            } else {
              kept++;
            }
          }
        }
      }
    }
    double perPc4Day = (double) selected / pc4Days;
    assertTrue(perPc4Day > 2 && perPc4Day < 4, "selected cells per pc4-day " + perPc4Day);
    assertTrue(kept > 0, "some cells of D-7 are not selected again on D");
  }

  @Test
  void thePublishStagePacksEveryRowOfTheRelease() {
    DenseReleaseModel m = model(3, 3);
    for (int d = 0; d < 15; d++) {
      for (int i = 0; i < PC4S.length; i++) {
        List<ReleasedValue> vs = m.release(d, i);
        RowBlocks b = RowBlocks.of(vs);
        assertEquals(0, b.duplicates());
        assertEquals(vs.size(), b.values());
        assertEquals(d < 7 ? vs.size() : 0, b.nullDeltas());
        assertEquals(vs.stream().anyMatch(v -> v.getLevel() == Level.CELL), b.cells() != null);
      }
    }
  }

  @Test
  void noiseIsDiscreteLaplaceOfItsScale() {
    SplittableRandom r = new SplittableRandom(1);
    double b = 40;
    int n = 200_000;
    double sum = 0;
    double sq = 0;
    for (int k = 0; k < n; k++) {
      long x = DenseReleaseModel.discreteLaplace(r, b);
      sum += x;
      sq += (double) x * x;
    }
    double variance = sq / n - (sum / n) * (sum / n);
    double expected = nl.datapoints.schemas.ReleaseBlock.variance(b);
    assertEquals(0, sum / n, 0.5);
    assertEquals(expected, variance, expected * 0.03);
  }

  @Test
  void badParametersAreNamed() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DenseReleaseModel(
                1, FROM, new int[0], SBIS, WEIGHTS, 1000, 1, DenseRelease.scales()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DenseReleaseModel(1, FROM, PC4S, SBIS, WEIGHTS, 0, 1, DenseRelease.scales()));
    assertEquals(
        "events per day must be > 0 and cells per pc4-day >= 0, got 0.0 and 1.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model(1, 1).release(-1, 0));
  }
}
