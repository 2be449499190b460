package nl.datapoints.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final List<LocalDate> DATES =
      IntStream.range(0, 7)
          .mapToObj(i -> LocalDate.of(2013, 1, 8).plusDays(i))
          .collect(Collectors.toList());

  private static List<QueryResult> results() {
    List<Grid.Centre> centres =
        List.of(new Grid.Centre(1012, Grid.WEIGHTED), new Grid.Centre(7953, Grid.UNIFORM));
    List<QueryResult> out = new ArrayList<>();
    for (Grid.Query q : Grid.queries(centres, DATES)) {
      // The release is off by the radius, so each group's error says which queries it holds.
      long truth = 1000;
      long released =
          truth + (long) q.radiusKm() * (q.centre().kind().equals(Grid.WEIGHTED) ? 1 : 3);
      out.add(
          new QueryResult(q, 1, truth, truth, 500, released, 10, 0, 0, 1, 1, 0, 1, 0, 1, 0, 24, 0));
    }
    return out;
  }

  @Test
  void groupsAreTheGridCellsTheGoalItsTwoHalvesAndAll() {
    List<Metrics> g = Report.groups(results());
    assertEquals(
        List.of(
            "1 km, 1 date",
            "2 km, 1 date",
            "5 km, 1 date",
            "10 km, 1 date",
            "1 km, 7 dates",
            "2 km, 7 dates",
            "5 km, 7 dates",
            "10 km, 7 dates",
            ">=2 km, 7 dates",
            ">=2 km, 7 dates, weighted",
            ">=2 km, 7 dates, uniform",
            "all"),
        g.stream().map(Metrics::label).collect(Collectors.toList()));
    assertEquals(2, g.get(0).queries());
    assertEquals((1 + 3) / 2000.0, g.get(0).errorDp(), 1e-12);
    assertEquals((10 + 30) / 2000.0, g.get(7).errorDp(), 1e-12);
    assertEquals(6, g.get(8).queries());
    assertEquals((2 + 5 + 10) * 4 / 6000.0, g.get(8).errorDp(), 1e-12);
    assertEquals((2 + 5 + 10) / 3000.0, g.get(9).errorDp(), 1e-12);
    assertEquals((2 + 5 + 10) * 3 / 3000.0, g.get(10).errorDp(), 1e-12);
    assertEquals(16, g.get(11).queries());
  }

  @Test
  void tablesShowPercentagesAndAGapForNothingToCount() {
    List<Metrics> g = new ArrayList<>(Report.groups(results()));
    g.add(Metrics.of("empty", List.of()));
    String md = Report.markdown(g);
    assertTrue(md.contains("| **≥ 2 km, 7 dates** | 6 | 50.0% → 101.1% |"), md);
    assertTrue(md.contains("| empty | 0 | - → - |"), md);
    String tsv = Report.tsv(g.get(0));
    assertTrue(tsv.startsWith("1 km, 1 date\t2\t2000\t0.500000\t1.002000\t"), tsv);
    assertTrue(Report.table(g).lines().count() == g.size() + 1);
  }
}
