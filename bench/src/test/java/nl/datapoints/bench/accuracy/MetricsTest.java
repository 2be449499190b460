package nl.datapoints.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final double EPS = 1e-12;
  private static final Grid.Query Q =
      new Grid.Query(new Grid.Centre(1012, Grid.WEIGHTED), 2, List.of(LocalDate.of(2013, 1, 14)));

  private static QueryResult result(
      long truth, long suppressed, long released, long moe, double recallK, double recallDp) {
    return new QueryResult(
        Q,
        3,
        truth,
        truth * 0.99,
        suppressed,
        released,
        moe,
        truth - suppressed,
        Math.abs(released - truth) + 10,
        recallK,
        recallDp,
        moe > released / 2 ? 1 : 0,
        3,
        1,
        10,
        4,
        24,
        12);
  }

  @Test
  void poolsSumsAndCountsOverTheGroup() {
    List<QueryResult> rs =
        List.of(result(1000, 600, 1020, 30, 0.6, 1.0), result(100, 40, 80, 15, 0.4, 0.8));
    Metrics m = Metrics.of("g", rs);
    assertEquals(2, m.queries());
    assertEquals(1100, m.truth());
    assertEquals(640.0 / 1100, m.completenessK(), EPS);
    assertEquals(1100.0 / 1100, m.completenessDp(), EPS);
    assertEquals(460.0 / 1100, m.errorK(), EPS);
    assertEquals(40.0 / 1100, m.errorDp(), EPS);
    assertEquals(0.0, m.within5K(), EPS);
    assertEquals(0.5, m.within5Dp(), EPS); // 1020 is within 5% of 1000, 80 is not of 100
    assertEquals(460.0 / 1100, m.timelineK(), EPS);
    assertEquals((30.0 + 30.0) / 1100, m.timelineDp(), EPS);
    assertEquals(0.5, m.recallK(), EPS);
    assertEquals(0.9, m.recallDp(), EPS);
    // |1020 - 1000| = 20 <= 30 covered; |80 - 100| = 20 > 15 not.
    assertEquals(0.5, m.coverage(), EPS);
    // Against 990 and 99: |1020 - 990| = 30 <= 30 covered; |80 - 99| = 19 > 15 not.
    assertEquals(0.5, m.coverageBounded(), EPS);
    assertEquals(0.0, m.tooFewTotals(), EPS);
    assertEquals(2.0 / 6, m.tooFewPoints(), EPS);
    assertEquals(8.0 / 20, m.tooFewStats(), EPS);
    assertEquals(0.5, m.tooFewHours(), EPS);
  }

  @Test
  void recallAveragesOnlyQueriesWithTrueSbis() {
    Metrics m =
        Metrics.of(
            "g",
            List.of(result(10, 5, 10, 1, 1.0, 1.0), result(0, 0, 3, 5, Double.NaN, Double.NaN)));
    assertEquals(1.0, m.recallDp(), EPS);
    assertEquals(1.0, m.recallK(), EPS);
  }

  @Test
  void anEmptyGroupHasNoFigures() {
    Metrics m = Metrics.of("none", List.of());
    assertEquals(0, m.queries());
    assertTrue(Double.isNaN(m.errorDp()));
    assertTrue(Double.isNaN(m.coverage()));
  }
}
