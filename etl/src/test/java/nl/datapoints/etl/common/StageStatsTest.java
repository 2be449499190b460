package nl.datapoints.etl.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void sumsFiguresOfEveryTaskPerDate() throws IOException {
    Path stats = Files.createDirectories(tmp.resolve("stats"));
    Files.writeString(stats.resolve("part-m-00000"),
        "2013-01-08\tlines_read\t10\n2013-01-08\tquarantined:BAD_TIMESTAMP\t2\n2013-01-09\tlines_read\t4\n");
    Files.writeString(stats.resolve("part-m-00001"),
        "2013-01-08\tlines_read\t5\n2013-01-08\tquarantined:FIELD_COUNT\t1\n"
            + "2013-01-08\tcorrupt_file\traw/dt=2013-01-08/b.tsv.gz\n");
    Files.writeString(stats.resolve("_SUCCESS"), "");

    StageStats s = StageStats.read(FileSystem.getLocal(new Configuration()),
        new org.apache.hadoop.fs.Path(tmp.toUri()));

    assertEquals(15, s.get(D, "lines_read"));
    assertEquals(4, s.get(D.plusDays(1), "lines_read"));
    assertEquals(0, s.get(D, "events"));
    assertEquals(Map.of("BAD_TIMESTAMP", 2L, "FIELD_COUNT", 1L), s.withPrefix(D, "quarantined:"));
    assertEquals(List.of("raw/dt=2013-01-08/b.tsv.gz"), s.corruptFiles(D));
  }

  @Test
  void rejectsMalformedLine() {
    assertThrows(IllegalStateException.class, () -> new StageStats().add("2013-01-08\tlines_read", "x"));
  }
}
