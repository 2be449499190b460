package nl.datapoints.serving.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.datapoints.serving.core.CellStore.DatedGeneration;
import nl.datapoints.serving.db.AreaScan.Range;
import nl.datapoints.serving.db.AreaScan.Run;
import org.junit.jupiter.api.Test;

class AreaScanTest {
  /** No gazetteer: every number is a postcode4, so only consecutive numbers form a run. */
  private static final int[] NONE = {};

  @Test
  void consecutivePostcodesFormOneRun() {
    assertEquals(
        List.of(new Run(1011, 1014)), AreaScan.runs(new int[] {1011, 1012, 1013, 1014}, NONE));
  }

  @Test
  void gapsStartNewRunsAndSinglesAreRunsOfOne() {
    assertEquals(
        List.of(new Run(1011, 1012), new Run(1015, 1015), new Run(1017, 1019)),
        AreaScan.runs(new int[] {1011, 1012, 1015, 1017, 1018, 1019}, NONE));
  }

  @Test
  void runsSpanNumbersTheGazetteerDoesNotKnow() {
    // 1013 and 1014 are no postcode4s: 1012 and 1015 are neighbours; 1016 is one, outside the
    // area, so 1017 starts a new run.
    int[] known = {1011, 1012, 1015, 1016, 1017, 1018, 1030};
    assertEquals(
        List.of(new Run(1011, 1015), new Run(1017, 1018)),
        AreaScan.runs(new int[] {1011, 1012, 1015, 1017, 1018}, known));
    // A postcode4 of the area the gazetteer does not list still counts (number order between
    // known neighbours: 1030 splits), and unknown numbers above the last known one are spanned.
    assertEquals(
        List.of(new Run(1018, 1029), new Run(1031, 1040)),
        AreaScan.runs(new int[] {1018, 1029, 1031, 1040}, known));
    assertEquals(true, AreaScan.adjacent(1012, 1015, known));
    assertEquals(false, AreaScan.adjacent(1015, 1017, known));
    assertEquals(false, AreaScan.adjacent(1015, 1017, NONE));
  }

  @Test
  void oneOrNoPostcode() {
    assertEquals(List.of(new Run(1012, 1012)), AreaScan.runs(new int[] {1012}, NONE));
    assertEquals(List.of(), AreaScan.runs(new int[] {}, NONE));
  }

  private static final LocalDate D1 = LocalDate.of(2013, 1, 8);
  private static final LocalDate D2 = LocalDate.of(2013, 1, 9);
  private static final LocalDate D3 = LocalDate.of(2013, 1, 10);

  private static String key(byte[] k) {
    return new String(k, StandardCharsets.US_ASCII);
  }

  @Test
  void oneRangePerDateAndRunInKeyOrder() {
    List<DatedGeneration> dates = List.of(new DatedGeneration(D3, 5), new DatedGeneration(D1, 5));
    int[] pc4s = {1011, 1012, 1015};
    List<Range> ranges = AreaScan.ranges(dates, pc4s, NONE);
    assertEquals(
        List.of(
            "201301081011-201301081012",
            "201301081015-201301081015",
            "201301101011-201301101012",
            "201301101015-201301101015"),
        ranges.stream().map(r -> key(r.first()) + "-" + key(r.last())).toList());
    assertThrows(IllegalArgumentException.class, () -> AreaScan.ranges(List.of(), pc4s, NONE));
  }

  @Test
  void groupsAreContiguousNearEqualAndNeverEmpty() {
    List<DatedGeneration> dates = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      dates.add(new DatedGeneration(D1.plusDays(i), 1));
    }
    assertEquals(List.of(dates), AreaScan.groups(dates, 1));
    List<List<DatedGeneration>> two = AreaScan.groups(dates, 2);
    assertEquals(List.of(dates.subList(0, 3), dates.subList(3, 7)), two);
    assertEquals(3, AreaScan.groups(dates.subList(0, 3), 8).size());
    assertEquals(7, AreaScan.groups(dates, 7).stream().mapToInt(List::size).sum());
    assertThrows(IllegalArgumentException.class, () -> AreaScan.groups(dates, 0));
  }

  @Test
  void generationsKeepTheCallersIndexAndTheDistinctVersions() {
    List<DatedGeneration> dates =
        List.of(
            new DatedGeneration(D1, 30), new DatedGeneration(D2, 10), new DatedGeneration(D3, 30));
    AreaScan.Generations g = new AreaScan.Generations(dates);
    assertEquals(1, g.indexOf(D2));
    assertEquals(-1, g.indexOf(D3.plusDays(1)));
    assertEquals(30, g.generation(2));
    assertArrayEquals(new long[] {10, 30}, AreaScan.distinctGenerations(dates));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AreaScan.Generations(
                List.of(new DatedGeneration(D1, 1), new DatedGeneration(D1, 2))));
  }
}
