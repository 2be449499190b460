package nl.datapoints.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DenseCells and ExportCells through real Parquet files in a temporary directory. */
class DenseCellsTest {
  @TempDir Path dir;

  private Path ref() throws Exception {
    Path ref = Files.createDirectories(dir.resolve("ref"));
    Files.writeString(
        ref.resolve("postcodes.csv"),
        "pc4,lat,lon,name\n1012,52.37,4.89,Dam\n1017,52.36,4.89,Centrum\n3011,51.92,4.48,Rotterdam\n");
    Files.writeString(ref.resolve("merchants.csv"), "merchant_id,sbi\n1,4711\n2,4711\n3,5610\n");
    return ref;
  }

  private List<String> write(Path ref, String warehouse, String... slices) throws Exception {
    for (String s : slices) {
      DenseCells.run(
          List.of(
              "--ref",
              ref.toString(),
              "--warehouse",
              dir.resolve(warehouse).toString(),
              "--from",
              "2013-01-01",
              "--days",
              "9",
              "--cells-per-pc4-day",
              "20",
              "--seed",
              "7",
              "--slice",
              s));
    }
    Path csv = dir.resolve(warehouse + ".csv");
    ExportCells.run(
        List.of("--warehouse", dir.resolve(warehouse).toString(), "--out", csv.toString()));
    return Files.readAllLines(csv);
  }

  @Test
  void processesSharingTheDaysWriteTheSameCellsAsOne() throws Exception {
    Path ref = ref();
    List<String> one = write(ref, "one", "1/1");
    List<String> two = write(ref, "two", "2/2", "1/2");
    assertEquals(one, two);
    assertTrue(one.size() > 9 * 3 * 5, "cells: " + one.size());
    // First week: no baseline (empty delta); day 8 on: a delta.
    assertTrue(
        one.stream().filter(l -> l.startsWith("2013-01-07,")).allMatch(l -> l.endsWith(",")));
    assertTrue(
        one.stream().filter(l -> l.startsWith("2013-01-09,")).noneMatch(l -> l.endsWith(",")));
    assertTrue(
        Files.isRegularFile(dir.resolve("one/aggregates/dt=2013-01-09/part-r-00000.parquet")));
  }

  @Test
  void anExistingDayIsKept() throws Exception {
    Path ref = ref();
    write(ref, "w", "1/1");
    Path part = dir.resolve("w/aggregates/dt=2013-01-03/part-r-00000.parquet");
    long modified = Files.getLastModifiedTime(part).toMillis();
    Thread.sleep(20);
    write(ref, "w", "1/1");
    assertEquals(modified, Files.getLastModifiedTime(part).toMillis());
  }

  @Test
  void csvLineHasAnEmptyFieldForANullDelta() {
    assertEquals(
        "2013-01-08,12,1012,1,4711,7,",
        ExportCells.csv(new StringBuilder(), LocalDate.of(2013, 1, 8), 12, 1012, 1, "4711", 7, null)
            .toString());
    assertEquals(
        "2013-01-08,0,1012,3,5610,0,9",
        ExportCells.csv(new StringBuilder(), LocalDate.of(2013, 1, 8), 0, 1012, 3, "5610", 0, 9L)
            .toString());
  }
}
