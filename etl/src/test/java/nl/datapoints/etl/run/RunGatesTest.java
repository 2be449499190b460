package nl.datapoints.etl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunGatesTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);
  private static final RunGates ONE_PERCENT = gates(0.01);

  private static RunGates gates(double maxBadFraction) {
    return new RunGates(maxBadFraction, d -> "raw/dt=" + d, d -> "raw/_quarantine/dt=" + d);
  }

  private static EnrichFigures figures(
      long lines, long events, long empty, Map<String, Long> quarantined) {
    return new EnrichFigures(lines, events, empty, quarantined, List.of());
  }

  private static List<String> check(RunGates g, EnrichFigures f) {
    return g.problems(Map.of(D, f));
  }

  @Test
  void aDateExactlyAtTheThresholdPasses() {
    assertEquals(List.of(), check(ONE_PERCENT, figures(100, 98, 1, Map.of("FIELD_COUNT", 1L))));
  }

  @Test
  void aDateOneLineOverTheThresholdFailsWithCountsReasonsAndTheQuarantine() {
    assertEquals(
        List.of(
            "2013-01-08: 2 of 100 lines quarantined (2.00%, more than --max-bad-fraction 0.01);"
                + " top reasons: FIELD_COUNT 1, UNKNOWN_POSTCODE 1; see raw/_quarantine/dt=2013-01-08"),
        check(ONE_PERCENT, figures(100, 98, 0, Map.of("UNKNOWN_POSTCODE", 1L, "FIELD_COUNT", 1L))));
  }

  @Test
  void topReasonsAreTheThreeLargestLargestFirst() {
    String p =
        check(
                gates(0.2),
                figures(
                    10,
                    0,
                    0,
                    Map.of(
                        "A_REASON",
                        1L,
                        "BAD_TIMESTAMP",
                        4L,
                        "FIELD_COUNT",
                        3L,
                        "BAD_POSTCODE",
                        2L)))
            .get(0);
    assertEquals(
        "top reasons: BAD_TIMESTAMP 4, FIELD_COUNT 3, BAD_POSTCODE 2; see raw/_quarantine/dt=2013-01-08",
        p.substring(p.indexOf("top reasons")));
  }

  @Test
  void aDateWithoutLinesFailsNamingItsPartition() {
    assertEquals(
        List.of("2013-01-08: no input lines in raw/dt=2013-01-08"),
        check(ONE_PERCENT, EnrichFigures.NONE));
  }

  @Test
  void aDateWithoutLinesNamesTheCorruptFilesItSkipped() {
    EnrichFigures f = new EnrichFigures(0, 0, 0, Map.of(), List.of("raw/dt=2013-01-08/a.tsv.gz"));
    assertEquals(
        List.of(
            "2013-01-08: no input lines in raw/dt=2013-01-08"
                + " (corrupt files skipped: [raw/dt=2013-01-08/a.tsv.gz])"),
        check(ONE_PERCENT, f));
  }

  @Test
  void aBrokenIdentityIsTheProblemEvenWhenTheFractionIsAlsoTooHigh() {
    assertEquals(
        List.of(
            "2013-01-08: accounting identity broken: lines_read 10 != events 5 + quarantined 4"
                + " + empty_lines 0"),
        check(ONE_PERCENT, figures(10, 5, 0, Map.of("FIELD_COUNT", 4L))));
  }

  @Test
  void eventsWithoutLinesReadBreakTheIdentityRatherThanCountAsEmpty() {
    assertEquals(
        List.of(
            "2013-01-08: accounting identity broken: lines_read 0 != events 1 + quarantined 0"
                + " + empty_lines 0"),
        check(ONE_PERCENT, figures(0, 1, 0, Map.of())));
  }

  @Test
  void emptyLinesAreNotBadLines() {
    assertEquals(List.of(), check(gates(0), figures(10, 2, 8, Map.of())));
  }

  @Test
  void aZeroThresholdFailsOnASingleBadLine() {
    assertEquals(1, check(gates(0), figures(1000, 999, 0, Map.of("BAD_ACTIVITY", 1L))).size());
  }

  @Test
  void everyFailingDateIsNamedInDateOrderAndTheRunMessageJoinsThem() {
    Map<LocalDate, EnrichFigures> byDate = new TreeMap<>();
    byDate.put(D.plusDays(2), EnrichFigures.NONE);
    byDate.put(D.plusDays(1), figures(100, 100, 0, Map.of()));
    byDate.put(D, EnrichFigures.NONE);
    List<String> problems = ONE_PERCENT.problems(byDate);
    assertEquals(
        List.of(
            "2013-01-08: no input lines in raw/dt=2013-01-08",
            "2013-01-10: no input lines in raw/dt=2013-01-10"),
        problems);
    assertEquals(
        "nothing published: 2013-01-08: no input lines in raw/dt=2013-01-08;"
            + " 2013-01-10: no input lines in raw/dt=2013-01-10",
        RunGates.failure(problems));
  }
}
