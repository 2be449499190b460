package nl.datapoints.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.schemas.AnonymizedEvent;
import nl.datapoints.schemas.Cell;
import nl.datapoints.schemas.UserKey;
import nl.datapoints.schemas.reference.Postcode;
import nl.datapoints.schemas.reference.ReferenceCsv;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The truth and the k-suppressed answer computed from a tiny hand-made warehouse (real Parquet
 * files), over areas computed from a tiny gazetteer.
 */
class TruthTest {
  private static final LocalDate D1 = LocalDate.of(2013, 1, 13);
  private static final LocalDate D2 = LocalDate.of(2013, 1, 14);

  @TempDir Path dir;

  private static AnonymizedEvent event(LocalDate d, int hour, int pc4, String sbi, int user) {
    byte[] key = new byte[16];
    key[0] = (byte) user;
    return AnonymizedEvent.newBuilder()
        .setDate(d)
        .setHour(hour)
        .setPc4(pc4)
        .setActivity(1)
        .setSbi(sbi)
        .setUserKey(new UserKey(key))
        .build();
  }

  private static Cell cell(LocalDate d, int hour, int pc4, String sbi, long hits) {
    return Cell.newBuilder()
        .setDate(d)
        .setHour(hour)
        .setPc4(pc4)
        .setActivity(1)
        .setSbi(sbi)
        .setHits(hits)
        .setDelta(null)
        .build();
  }

  private <T extends SpecificRecord> void write(String zone, LocalDate d, List<T> records)
      throws Exception {
    Path part = Files.createDirectories(dir.resolve(zone).resolve("dt=" + d));
    try (ParquetWriter<T> w =
        AvroParquetWriter.<T>builder(
                HadoopOutputFile.fromPath(
                    new org.apache.hadoop.fs.Path(part.resolve("part-r-00000.parquet").toUri()),
                    new Configuration()))
            .withSchema(records.get(0).getSchema())
            .withDataModel(AggregateDataSupplier.model())
            .build()) {
      for (T r : records) {
        w.write(r);
      }
    }
  }

  private void warehouse() throws Exception {
    List<AnonymizedEvent> e1 = new ArrayList<>();
    for (int u = 0; u < 6; u++) {
      e1.add(event(D1, 9, 1012, "56", u)); // 6 users: a cell that survives k = 5
    }
    e1.add(event(D1, 9, 1012, "4711", 1)); // one user: suppressed
    e1.add(event(D1, 20, 1017, "56", 2));
    write("events", D1, e1);
    List<AnonymizedEvent> e2 = new ArrayList<>();
    e2.add(event(D2, 0, 1012, "4711", 3));
    e2.add(event(D2, 0, 1012, "4711", 3));
    e2.add(event(D2, 23, 3011, "56", 4)); // outside every test area
    write("events", D2, e2);
    write("aggregates", D1, List.of(cell(D1, 9, 1012, "56", 6)));
    write("aggregates", D2, List.of(cell(D2, 0, 1012, "4711", 0)));
    Path reports = Files.createDirectories(dir.resolve("reports").resolve("dt=" + D1));
    Files.writeString(
        reports.resolve("latest.json"),
        "{\"date\":\"2013-01-13\",\"bounding\":{\"events_kept\":990,\"events_dropped\":10}}");
    Path r2 = Files.createDirectories(dir.resolve("reports").resolve("dt=" + D2));
    Files.writeString(r2.resolve("latest.json"), "{\"date\":\"2013-01-14\",\"bounding\":null}");
  }

  private static SortedMap<Integer, Postcode> gazetteer() throws Exception {
    // 1017 lies 1.2 km from 1012, 3011 about 57 km away.
    return ReferenceCsv.postcodes(
        "postcodes.csv",
        new StringReader(
            "pc4,lat,lon,name\n1012,52.3731,4.8922,Dam\n1017,52.3625,4.8900,Centrum\n"
                + "3011,51.9225,4.4792,Rotterdam\n"));
  }

  @Test
  void areasFollowTheGreatCircleAndAlwaysHoldTheCentre() throws Exception {
    Areas a = new Areas(gazetteer());
    assertArrayEquals(new int[] {1012}, a.of(1012, 1));
    assertArrayEquals(new int[] {1012, 1017}, a.of(1012, 2));
    assertArrayEquals(new int[] {1012}, a.of(1012, 0));
    assertArrayEquals(new int[] {1012, 1017, 3011}, a.of(1017, 60));
    assertThrows(IllegalArgumentException.class, () -> a.of(9999, 1));
  }

  @Test
  void truthCountsEveryEventPerHourAndSbi() throws Exception {
    warehouse();
    WarehouseReader r = new WarehouseReader(dir.toFile());
    assertEquals(List.of(D1, D2), r.eventDates());
    DaySums truth = r.events(List.of(D1, D2));
    assertEquals(11, truth.total());
    assertEquals(Map.of(1012, 9L, 1017, 1L, 3011, 1L), truth.byPc4());

    Figures f = truth.sum(new int[] {1012, 1017}, List.of(D1, D2));
    assertEquals(10, f.total());
    long[] timeline = new long[48];
    timeline[9] = 7;
    timeline[20] = 1;
    timeline[24] = 2;
    assertArrayEquals(timeline, f.timeline());
    assertEquals(Map.of("56", 7L, "4711", 3L), f.bySbi());

    // One date, in the query's order; the other postcode4 alone.
    Figures d2 = truth.sum(new int[] {1012}, List.of(D2));
    assertEquals(2, d2.total());
    assertEquals(2, d2.timeline()[0]);
    assertEquals(Map.of("4711", 2L), d2.bySbi());
  }

  @Test
  void theSuppressedAnswerSumsThePublishedCells() throws Exception {
    warehouse();
    DaySums k = new WarehouseReader(dir.toFile()).aggregates(List.of(D1, D2));
    Figures f = k.sum(new int[] {1012, 1017}, List.of(D1, D2));
    assertEquals(6, f.total());
    assertEquals(6, f.timeline()[9]);
    assertEquals(Map.of("56", 6L), f.bySbi()); // the carried-over 0 is no hit
  }

  @Test
  void keptShareComesFromTheRunReports() throws Exception {
    warehouse();
    assertArrayEquals(
        new double[] {0.99, 1.0},
        new WarehouseReader(dir.toFile()).keptShare(List.of(D1, D2)),
        1e-12);
  }

  @Test
  void aDateOutsideTheSumsIsRefused() {
    DaySums s = new DaySums(List.of(D1));
    assertThrows(IllegalArgumentException.class, () -> s.add(D2, 1012, 0, "56", 1));
    assertThrows(IllegalArgumentException.class, () -> s.add(D1, 1012, 24, "56", 1));
  }

  @Test
  void aMissingWarehouseIsAUsageError() {
    File none = dir.resolve("none").toFile();
    assertThrows(IllegalArgumentException.class, () -> new WarehouseReader(none).eventDates());
  }
}
