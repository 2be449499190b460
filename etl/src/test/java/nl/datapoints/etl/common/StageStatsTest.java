package nl.datapoints.etl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageStatsTest {
  @TempDir Path tmp;
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  private StageStats read() {
    try {
      return StageStats.read(
          FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(tmp.toUri()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void task(String name, String... lines) throws IOException {
    Path stats = Files.createDirectories(tmp.resolve(StageStats.DIR));
    Files.writeString(
        stats.resolve(name), lines.length == 0 ? "" : String.join("\n", lines) + "\n");
  }

  @Test
  void whatATaskWritesReadsBack() throws IOException {
    task(
        "part-m-00000",
        StageStats.line(D, StageStats.LINES_READ, 10),
        StageStats.line(D, StageStats.QUARANTINED_PREFIX + "BAD_TIMESTAMP", 2),
        StageStats.corruptFileLine(D, "raw/dt=2013-01-08/b.tsv.gz"));
    StageStats s = read();
    assertEquals(10, s.get(D, StageStats.LINES_READ));
    assertEquals(Map.of("BAD_TIMESTAMP", 2L), s.withPrefix(D, StageStats.QUARANTINED_PREFIX));
    assertEquals(List.of("raw/dt=2013-01-08/b.tsv.gz"), s.corruptFiles(D));
  }

  @Test
  void lineFormatIsDateMetricValue() {
    assertEquals(
        "2013-01-08\tcells_published\t7", StageStats.line(D, StageStats.CELLS_PUBLISHED, 7));
    assertEquals("2013-01-08\tcorrupt_file\tx.gz", StageStats.corruptFileLine(D, "x.gz"));
  }

  @Test
  void sumsFiguresOfEveryTaskPerDate() throws IOException {
    task(
        "part-m-00000",
        "2013-01-08\tlines_read\t10",
        "2013-01-08\tquarantined:BAD_TIMESTAMP\t2",
        "2013-01-09\tlines_read\t4");
    task(
        "part-m-00001",
        "2013-01-08\tlines_read\t5",
        "2013-01-08\tquarantined:FIELD_COUNT\t1",
        "2013-01-08\tcorrupt_file\traw/dt=2013-01-08/b.tsv.gz",
        "");
    task("part-r-00002", "2013-01-08\tquarantined:FIELD_COUNT\t3");
    task("_SUCCESS");

    StageStats s = read();

    assertEquals(15, s.get(D, "lines_read"));
    assertEquals(4, s.get(D.plusDays(1), "lines_read"));
    assertEquals(0, s.get(D, "events"), "a metric no task wrote is 0");
    assertEquals(Map.of("BAD_TIMESTAMP", 2L, "FIELD_COUNT", 4L), s.withPrefix(D, "quarantined:"));
    assertEquals(List.of("raw/dt=2013-01-08/b.tsv.gz"), s.corruptFiles(D));
    assertEquals(List.of(), s.corruptFiles(D.plusDays(1)));
  }

  @Test
  void noStatsDirectoryMeansNoFigures() {
    assertEquals(0, read().get(D, StageStats.LINES_READ));
  }

  @Test
  void lineWithTooFewFieldsNamesTheFile() throws IOException {
    task("part-m-00003", "2013-01-08\tlines_read");
    IllegalStateException e = assertThrows(IllegalStateException.class, this::read);
    assertTrue(
        e.getMessage().contains("part-m-00003")
            && e.getMessage().contains("2013-01-08\tlines_read"),
        e.getMessage());
  }

  @Test
  void badNumberOrDateNamesTheFile() throws IOException {
    task("part-m-00004", "2013-01-08\tlines_read\tmany");
    IllegalStateException e = assertThrows(IllegalStateException.class, this::read);
    assertTrue(e.getMessage().contains("part-m-00004"), e.getMessage());
    assertThrows(
        IllegalStateException.class, () -> new StageStats().add("2013-13-08\tevents\t1", "f"));
  }
}
