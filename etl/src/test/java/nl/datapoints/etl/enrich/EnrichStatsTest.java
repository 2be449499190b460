package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichStatsTest {
  static final LocalDate D1 = LocalDate.parse("2013-01-08");
  static final LocalDate D2 = LocalDate.parse("2013-01-09");

  @Test
  void rendersLinesPerDateInDateOrder() {
    EnrichStats stats = new EnrichStats();
    stats.lineRead(D2);
    stats.event(D2);
    stats.lineRead(D1);
    stats.quarantined(D1, Reason.BAD_POSTCODE);
    stats.corruptFile(D1, "/raw/dt=2013-01-08/a.tsv.gz");
    assertEquals(
        List.of(
            "2013-01-08\tlines_read\t1",
            "2013-01-08\tevents\t0",
            "2013-01-08\tempty_lines\t0",
            "2013-01-08\tquarantined:BAD_POSTCODE\t1",
            "2013-01-08\tcorrupt_file\t/raw/dt=2013-01-08/a.tsv.gz",
            "2013-01-09\tlines_read\t1",
            "2013-01-09\tevents\t1",
            "2013-01-09\tempty_lines\t0"),
        stats.lines());
    assertEquals(Map.of(Reason.BAD_POSTCODE, 1L), stats.quarantined(D1));
  }

  @Test
  void reportsASeenDateWithoutLinesAsZeros() {
    EnrichStats stats = new EnrichStats();
    stats.seen(D1);
    assertEquals(
        List.of("2013-01-08\tlines_read\t0", "2013-01-08\tevents\t0", "2013-01-08\tempty_lines\t0"),
        stats.lines());
  }
}
