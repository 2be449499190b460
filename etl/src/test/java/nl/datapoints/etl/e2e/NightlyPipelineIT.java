package nl.datapoints.etl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.datapoints.etl.Main;
import nl.datapoints.etl.generate.DaySummary;
import nl.datapoints.etl.generate.Defect;
import nl.datapoints.etl.generate.GenerateConfig;
import nl.datapoints.etl.generate.GenerateProgress;
import nl.datapoints.etl.generate.GenerateSummary;
import nl.datapoints.etl.generate.SampleGenerator;
import nl.datapoints.testkit.ReferenceModel;
import nl.datapoints.testkit.ReferenceModel.CellKey;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly pipeline end to end in Hadoop local mode, through the real command line: generated
 * logs for a week and a day, two nightly runs a week apart, a backfill of the same dates, and the
 * failure paths. Every figure is checked against {@link ReferenceModel}, which recomputes the cells
 * from the raw lines with its own plain code, and against what the generator injected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyPipelineIT {
  private static final LocalDate D1 = LocalDate.of(2013, 1, 1);
  private static final LocalDate D8 = LocalDate.of(2013, 1, 8);
  private static final int K = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path tmp;
  private Path raw;
  private Path ref;
  private Path keyFile;
  private GenerateSummary generated;
  private ReferenceModel model;

  @BeforeAll
  void generate(@TempDir Path dir) throws IOException {
    tmp = dir;
    GenerateConfig g = new GenerateConfig(tmp.resolve("sample"), D1, 8, 20_000, 7L, 0.004);
    generated = SampleGenerator.generate(g, GenerateProgress.NONE);
    raw = g.rawDir();
    ref = g.refDir();
    keyFile = tmp.resolve("hmac.key");
    Files.writeString(
        keyFile, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
    model = new ReferenceModel(ref);
    model.readPartition(raw, D1);
    model.readPartition(raw, D8);
  }

  private record Run(int exit, String out, String err) {}

  private Run etl(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = ToolRunner.run(new Configuration(), new Main(o, e), args);
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String[] common(Path warehouse, String... more) {
    List<String> a = new ArrayList<>(List.of(more));
    a.addAll(
        List.of(
            "--raw",
            raw.toString(),
            "--ref",
            ref.toString(),
            "--warehouse",
            warehouse.toString(),
            "--hmac-key-file",
            keyFile.toString(),
            "--no-publish"));
    return a.toArray(String[]::new);
  }

  @Test
  @Order(1)
  void nightlyRunsAWeekApartMatchTheIndependentModel() throws Exception {
    Path wh = tmp.resolve("nightly");
    Run first = etl(common(wh, "run", "--date", D1.toString()));
    assertEquals(0, first.exit, first.err);
    Run second = etl(common(wh, "run", "--date", D8.toString()));
    assertEquals(0, second.exit, second.err);
    assertTrue(second.out.contains("SUCCEEDED 1 date(s)"), second.out);
    assertTrue(second.out.contains("report file:"), second.out);

    assertCells(readCells(wh, D1), model.expectedCells(D1, K, false), D1);
    assertCells(readCells(wh, D8), model.expectedCells(D8, K, true), D8);

    for (LocalDate d : List.of(D1, D8)) {
      JsonNode r = report(wh, d);
      DaySummary truth = day(d);
      assertEquals("SUCCEEDED", r.get("status").asText());
      assertEquals(truth.lines(), r.get("lines_read").asLong(), "lines_read of " + d);
      assertEquals(model.lines.get(d).longValue(), r.get("lines_read").asLong());
      assertEquals(truth.events(), r.get("events").asLong(), "events of " + d);
      assertEquals(model.goodEvents.get(d).longValue(), r.get("events").asLong());
      assertEquals(truth.emptyLines(), r.get("empty_lines").asLong());
      long quarantined = 0;
      for (Map.Entry<Defect, Long> e : truth.defects().entrySet()) {
        JsonNode q = r.get("quarantined").get(e.getKey().name());
        assertEquals(
            e.getValue().longValue(),
            q == null ? 0 : q.asLong(),
            "quarantined " + e.getKey() + " on " + d);
        quarantined += e.getValue();
      }
      assertTrue(quarantined > 0, "the sample has bad lines");
      assertEquals(
          r.get("lines_read").asLong(),
          r.get("events").asLong() + quarantined + r.get("empty_lines").asLong(),
          "accounting identity");
      assertTrue(r.get("accounting_ok").asBoolean());
      assertEquals(
          model.suppressedHits(d, K), r.get("hits_suppressed").asLong(), "hits_suppressed of " + d);
      assertEquals(
          model.expectedCells(d, K, d.equals(D8)).size(), r.get("cells_published").asLong());
      assertEquals(d.equals(D1), r.get("baseline_missing").asBoolean());
      assertFalse(r.get("published").asBoolean());
      assertEquals(
          quarantined, quarantineLines(d).values().stream().mapToLong(Long::longValue).sum());
      assertEquals(quarantineLines(d), reasons(r));
    }
  }

  @Test
  @Order(2)
  void backfillRunsOneJobPerStageAndAgreesWithNightlyRuns() throws Exception {
    Path wh = tmp.resolve("backfill");
    Run run = etl(common(wh, "backfill", "--from", D1.toString(), "--to", D8.toString()));
    assertEquals(0, run.exit, run.err);
    assertEquals(1, count(run.out, "enrich: done"), run.out);
    assertEquals(1, count(run.out, "aggregate: done"), run.out);
    assertTrue(run.out.contains("SUCCEEDED 8 date(s)"), run.out);
    // D8's baseline D1 comes from events of the same job here, from published Parquet above.
    assertCells(readCells(wh, D8), model.expectedCells(D8, K, true), D8);
    assertEquals(readCells(tmp.resolve("nightly"), D8), readCells(wh, D8));
  }

  @Test
  @Order(3)
  void nothingOutsideTheRawZoneHoldsAUserIdIpOrPc6() throws Exception {
    assertFalse(model.rawUserIds.isEmpty());
    assertFalse(model.rawPc6.isEmpty());
    for (Path wh : List.of(tmp.resolve("nightly"), tmp.resolve("backfill"))) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(wh)) {
        files =
            s.filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().endsWith(".crc"))
                .toList();
      }
      assertFalse(files.isEmpty());
      for (Path f : files) {
        if (f.toString().endsWith(".parquet")) {
          for (GenericRecord rec : readAll(f)) {
            for (var field : rec.getSchema().getFields()) {
              Object v = rec.get(field.name());
              String s =
                  v instanceof GenericData.Fixed fx
                      ? new String(fx.bytes(), StandardCharsets.ISO_8859_1)
                      : String.valueOf(v);
              assertFalse(
                  model.rawUserIds.contains(s)
                      || model.rawIps.contains(s)
                      || model.rawPc6.contains(s),
                  f + " field " + field.name() + " holds raw personal data");
            }
          }
        } else {
          String text = Files.readString(f, StandardCharsets.ISO_8859_1);
          for (String id : model.rawUserIds) {
            assertFalse(id.length() >= 6 && text.contains(id), f + " contains a raw user id");
          }
          for (String pc6 : model.rawPc6) {
            assertFalse(text.contains(pc6), f + " contains a PC6 postcode");
          }
          for (String ip : model.rawIps) {
            assertFalse(ip.length() >= 7 && text.contains(ip), f + " contains an IP address");
          }
        }
      }
    }
  }

  @Test
  @Order(4)
  void tooManyBadLinesFailTheRunBeforeAnythingIsPublished() throws Exception {
    Path wh = tmp.resolve("strict");
    Run run = etl(common(wh, "run", "--date", D1.toString(), "--max-bad-fraction", "0.001"));
    assertEquals(1, run.exit);
    assertTrue(run.err.contains("nothing published"), run.err);
    assertTrue(run.err.contains("more than --max-bad-fraction 0.001"), run.err);
    assertTrue(run.err.contains("top reasons"), run.err);
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
    assertFalse(Files.exists(wh.resolve("aggregates/dt=" + D1)));
    assertFalse(Files.exists(wh.resolve("events/dt=" + D1)));
    assertEquals("FAILED", report(wh, D1).get("status").asText());
  }

  @Test
  @Order(5)
  void refusesToRunWithoutAnHmacSecret() throws Exception {
    Path wh = tmp.resolve("nokey");
    Run run =
        etl(
            "run",
            "--date",
            D1.toString(),
            "--raw",
            raw.toString(),
            "--ref",
            ref.toString(),
            "--warehouse",
            wh.toString(),
            "--no-publish");
    assertEquals(1, run.exit);
    assertTrue(
        run.err.contains("DATAPOINTS_HMAC_KEY") && run.err.contains("--hmac-key-file"), run.err);
    assertFalse(Files.exists(wh.resolve("events")));
  }

  @Test
  @Order(6)
  void usageErrorsExitWithTwo() throws Exception {
    Run run = etl("run", "--date", "2013-02-30");
    assertEquals(2, run.exit);
    assertTrue(run.err.contains("--date must be a date YYYY-MM-DD, got '2013-02-30'"), run.err);
    assertEquals(2, etl("frobnicate").exit);
  }

  private DaySummary day(LocalDate d) {
    return generated.days().stream().filter(x -> x.date().equals(d)).findFirst().orElseThrow();
  }

  private static long count(String text, String needle) {
    return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1L;
  }

  private static JsonNode report(Path wh, LocalDate d) throws IOException {
    return JSON.readTree(wh.resolve("reports/dt=" + d + "/latest.json").toFile());
  }

  private static Map<String, Long> reasons(JsonNode r) {
    Map<String, Long> m = new TreeMap<>();
    r.get("quarantined").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }

  private Map<String, Long> quarantineLines(LocalDate d) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(raw.resolve("_quarantine/dt=" + d))) {
      for (Path f : s.filter(p -> p.getFileName().toString().startsWith("part")).toList()) {
        byte[] all = Files.readAllBytes(f);
        int start = 0;
        for (int i = 0; i < all.length; i++) {
          if (all[i] == '\n') {
            int tab = start;
            while (all[tab] != '\t') {
              tab++;
            }
            m.merge(new String(all, start, tab - start, StandardCharsets.US_ASCII), 1L, Long::sum);
            start = i + 1;
          }
        }
      }
    }
    return m;
  }

  /** Cells of a date: key → [hits, delta]. */
  private static Map<CellKey, List<Long>> readCells(Path wh, LocalDate d) throws IOException {
    Map<CellKey, List<Long>> cells = new HashMap<>();
    try (Stream<Path> s = Files.list(wh.resolve("aggregates/dt=" + d))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        for (GenericRecord r : readAll(f)) {
          assertEquals((int) d.toEpochDay(), ((Number) r.get("date")).intValue());
          CellKey k =
              new CellKey(
                  (Integer) r.get("hour"),
                  (Integer) r.get("pc4"),
                  (Integer) r.get("activity"),
                  r.get("sbi").toString());
          Object delta = r.get("delta");
          List<Long> v = new ArrayList<>();
          v.add((Long) r.get("hits"));
          v.add(delta == null ? null : (Long) delta);
          assertNull(cells.put(k, v), "duplicate cell " + k);
        }
      }
    }
    return cells;
  }

  private static List<GenericRecord> readAll(Path f) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    Configuration conf = new Configuration();
    try (ParquetReader<GenericRecord> r =
        AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), conf))
            .withDataModel(GenericData.get())
            .build()) {
      for (GenericRecord rec; (rec = r.read()) != null; ) {
        out.add(rec);
      }
    }
    return out;
  }

  private static void assertCells(
      Map<CellKey, List<Long>> actual, Map<CellKey, Long[]> expected, LocalDate d) {
    assertFalse(expected.isEmpty(), "the model publishes cells on " + d);
    for (Map.Entry<CellKey, Long[]> e : expected.entrySet()) {
      List<Long> a = actual.get(e.getKey());
      assertNotNull(a, "missing cell " + e.getKey() + " on " + d);
      assertEquals(e.getValue()[0], a.get(0), "hits of " + e.getKey() + " on " + d);
      assertEquals(e.getValue()[1], a.get(1), "delta of " + e.getKey() + " on " + d);
    }
    assertEquals(expected.size(), actual.size(), "cells on " + d);
  }
}
