package nl.datapoints.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.etl.release.ReleaseManifest;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator as a tool, and the exporter on what it wrote. */
class DenseReleaseTest {
  @TempDir Path dir;
  private Path ref;

  @BeforeEach
  void reference() throws IOException {
    ref = Files.createDirectories(dir.resolve("ref"));
    Files.writeString(
        ref.resolve("postcodes.csv"),
        "pc4,lat,lon,name\n1011,52.37,4.90,Amsterdam\n1012,52.37,4.89,Amsterdam\n"
            + "3011,51.92,4.48,Rotterdam\n");
    Files.writeString(ref.resolve("merchants.csv"), "merchant_id,sbi\n1,4711\n2,4711\n3,5610\n");
    Files.writeString(ref.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n47,Retail trade\n");
  }

  private int generate(Path warehouse, String slice) throws Exception {
    return DenseRelease.run(
        List.of(
            "--ref",
            ref.toString(),
            "--warehouse",
            warehouse.toString(),
            "--from",
            "2013-01-01",
            "--days",
            "9",
            "--events-per-day",
            "30000",
            "--cells-per-pc4-day",
            "2",
            "--slice",
            slice));
  }

  private static List<ReleasedValue> read(File part) throws IOException {
    List<ReleasedValue> out = new ArrayList<>();
    try (ParquetReader<ReleasedValue> r =
        AvroParquetReader.<ReleasedValue>builder(
                HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(part.toURI()), new Configuration()))
            .withDataModel(AggregateDataSupplier.model())
            .build()) {
      for (ReleasedValue v; (v = r.read()) != null; ) {
        out.add(v);
      }
    }
    return out;
  }

  private static File partition(Path warehouse, String date) {
    return warehouse.resolve("release/dt=" + date).toFile();
  }

  @Test
  void writesEveryDateAsTheReleaseStageDoesWithItsManifest() throws Exception {
    Path wh = dir.resolve("wh");
    assertEquals(0, generate(wh, "1/1"));
    DenseReleaseModel model =
        DenseRelease.model(new Configuration(), ref, 42, LocalDate.of(2013, 1, 1), 30000, 2);
    for (int d = 0; d < 9; d++) {
      LocalDate date = LocalDate.of(2013, 1, 1).plusDays(d);
      File p = partition(wh, date.toString());
      List<ReleasedValue> written = read(new File(p, "part-r-00000.parquet"));
      List<ReleasedValue> expected = new ArrayList<>();
      for (int i = 0; i < model.postcodes(); i++) {
        expected.addAll(model.release(d, i));
      }
      assertEquals(expected, written, date.toString());
      ReleaseManifest m =
          ReleaseManifest.read(
                  FileSystem.getLocal(new Configuration()),
                  new org.apache.hadoop.fs.Path(p.toURI()))
              .orElseThrow();
      assertEquals(ReleaseManifest.UNIT, m.unit());
      assertEquals(1.0, m.epsilon());
      assertEquals(1e-8, m.delta());
      assertEquals(written.size(), m.values());
      assertEquals(
          written.stream()
              .filter(v -> v.getLevel() == nl.datapoints.schemas.Level.TOTAL)
              .mapToLong(ReleasedValue::getHits)
              .sum(),
          m.totalHits());
      assertEquals(16, m.digest().length());
      assertEquals(10 / 0.35, (double) m.levels().get("total").get("scale"), 1e-9);
    }
  }

  @Test
  void slicesWriteTheSameReleaseAndAWrittenDateIsKept() throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    generate(one, "1/1");
    generate(two, "2/2");
    assertFalse(partition(two, "2013-01-01").exists());
    assertTrue(partition(two, "2013-01-02").exists());
    generate(two, "1/2");
    for (int d = 1; d <= 9; d++) {
      String date = "2013-01-0" + d;
      assertEquals(
          read(new File(partition(one, date), "part-r-00000.parquet")),
          read(new File(partition(two, date), "part-r-00000.parquet")),
          date);
    }
    File part = new File(partition(one, "2013-01-05"), "part-r-00000.parquet");
    assertTrue(part.setLastModified(1_000_000L));
    generate(one, "1/1");
    assertEquals(1_000_000L, part.lastModified(), "a date with a manifest is not rewritten");
  }

  @Test
  void exportsEveryLevelAndTheBaselineOfEveryDate() throws Exception {
    Path wh = dir.resolve("wh");
    generate(wh, "1/1");
    Path csv = dir.resolve("csv");
    assertEquals(
        0,
        ExportRelease.run(
            List.of(
                "--warehouse",
                wh.toString(),
                "--out",
                csv.toString(),
                "--from",
                "2013-01-06",
                "--to",
                "2013-01-09")));
    List<String> dates = Files.readAllLines(csv.resolve("dates.csv"));
    assertEquals(
        List.of(
            "date,baseline",
            "2013-01-06,false",
            "2013-01-07,false",
            "2013-01-08,true",
            "2013-01-09,true"),
        dates);
    // 3 postcodes x 4 dates; 24 hours; SBI domain {47, 4711, 5610}.
    assertEquals(1 + 12, Files.readAllLines(csv.resolve("total.csv")).size());
    assertEquals(1 + 12 * 24, Files.readAllLines(csv.resolve("hour.csv")).size());
    assertEquals(1 + 12 * 3, Files.readAllLines(csv.resolve("sbi.csv")).size());
    List<String> total = Files.readAllLines(csv.resolve("total.csv"));
    assertEquals(ReleaseCsv.HEADERS.get(0), total.get(0));
    assertTrue(total.get(1).startsWith("2013-01-06,1011,"), total.get(1));
    assertTrue(total.get(1).endsWith(",,"), "no delta before the second week: " + total.get(1));
    assertFalse(total.get(12).endsWith(",,"), "a delta from the second week: " + total.get(12));
    assertFalse(Files.exists(csv.resolve("total.csv.tmp")));
  }

  @Test
  void aMissingReferenceFileOrAnEmptyRangeIsAUsageError() throws Exception {
    Files.delete(ref.resolve("sbi.csv"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> generate(dir.resolve("w"), "1/1"));
    assertEquals("--ref " + ref + " has no sbi.csv", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DenseRelease.slice("3/2"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ExportRelease.run(
                List.of("--warehouse", dir.toString(), "--out", dir.resolve("x").toString())));
  }
}
