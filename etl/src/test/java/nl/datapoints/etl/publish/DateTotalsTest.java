package nl.datapoints.etl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.datapoints.etl.common.StageStats;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DateTotalsTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  @Test
  void totalsOfEveryReducerSumPerDate(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("part-r-00000"), new DateTotals(3, 21, 1).lines(D));
    Files.write(dir.resolve("part-r-00001"), new DateTotals(2, 4, 0).lines(D));
    StageStats s =
        StageStats.readDir(
            FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toUri()));
    assertEquals(new DateTotals(5, 25, 1), DateTotals.of(s, D));
    assertEquals(DateTotals.ZERO, DateTotals.of(s, D.plusDays(1)), "a date no reducer saw");
  }
}
