package nl.datapoints.etl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.datapoints.etl.Main;
import nl.datapoints.etl.generate.DaySummary;
import nl.datapoints.etl.generate.Defect;
import nl.datapoints.etl.generate.GenerateConfig;
import nl.datapoints.etl.generate.GenerateProgress;
import nl.datapoints.etl.generate.GenerateSummary;
import nl.datapoints.etl.generate.SampleGenerator;
import nl.datapoints.schemas.ReleasedValue;
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
 * logs for a week and a day, two nightly runs a week apart, a backfill of the same dates, a
 * backfill with cascade after a raw line changed, and the failure paths. Every figure is checked
 * against {@link ReferenceModel}, which recomputes the cells from the raw lines with its own plain
 * code, and against what the generator injected; the differentially private release ({@link
 * ReleaseChecks}) exactly where noise hides nothing (domain, scales, deltas, accounting, reruns)
 * and within its stated margins elsewhere. The release secret is fixed, so the noise is a fixed
 * function of the data.
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
  private Path releaseKeyFile;
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
    releaseKeyFile = tmp.resolve("release.key");
    Files.writeString(releaseKeyFile, RELEASE_KEY_HEX + "\n");
    model = new ReferenceModel(ref);
    for (int i = 0; i < 8; i++) {
      model.readPartition(raw, D1.plusDays(i));
    }
  }

  /** The release secret of this test (fixed: the noise is a fixed function of the data). */
  private static final String RELEASE_KEY_HEX =
      "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

  private record Run(int exit, String out, String err) {}

  private Run etl(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = ToolRunner.run(new Configuration(), new Main(o, e), args);
    }
    Run run =
        new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    // The stage lines and job times, for the test report.
    run.out
        .lines()
        .filter(l -> l.startsWith("[") || l.contains(": done in") || l.startsWith("SUCCEEDED"))
        .forEach(l -> System.out.println("ETL " + args[0] + " " + l));
    return run;
  }

  private String[] common(Path warehouse, String... more) {
    return common(raw, warehouse, more);
  }

  private String[] common(Path rawZone, Path warehouse, String... more) {
    List<String> a = new ArrayList<>(List.of(more));
    a.addAll(
        List.of(
            "--raw",
            rawZone.toString(),
            "--ref",
            ref.toString(),
            "--warehouse",
            warehouse.toString(),
            "--hmac-key-file",
            keyFile.toString(),
            "--release-key-file",
            releaseKeyFile.toString(),
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
    for (String stage :
        List.of(
            "[1/4] enrich", "[2/4] aggregate", "[3/4] release 1 date(s): epsilon 1.0 per date")) {
      assertTrue(
          first.out.contains(stage) && second.out.contains(stage), stage + " in " + first.out);
    }
    assertTrue(first.out.contains("no baseline (D-7) for [" + D1 + "]"), first.out);
    assertFalse(second.out.contains("no baseline"), "D8's baseline is D1's release: " + second.out);
    assertFalse(first.out.contains("[4/4] publish"), "--no-publish: " + first.out);

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
      assertEquals(1.0, r.get("privacy").get("epsilon_spent").asDouble(), "epsilon spent on " + d);
      assertEquals(1, r.get("privacy").get("releases").asInt(), "releases of " + d);
    }

    List<ReleasedValue> r1 = ReleaseChecks.read(wh.resolve("release/dt=" + D1));
    List<ReleasedValue> r8 = ReleaseChecks.read(wh.resolve("release/dt=" + D8));
    ReleaseChecks.assertDomain(r1, D1, model, false);
    ReleaseChecks.assertDomain(r8, D8, model, true);
    ReleaseChecks.assertDeltasAre(r8, r1);
    ReleaseChecks.Coverage coverage = new ReleaseChecks.Coverage();
    for (LocalDate d : List.of(D1, D8)) {
      List<ReleasedValue> values = d.equals(D1) ? r1 : r8;
      JsonNode r = report(wh, d);
      ReleaseChecks.assertAccounting(r, manifest(wh, d), values, model, d);
      ReleaseChecks.assertWithinMargins(
          values, model, d, r.get("bounding").get("events_dropped").asLong(), coverage, true);
    }
    System.out.println("RELEASE nightly coverage " + coverage.summary());
    coverage.assertMostWithinMargins();
  }

  @Test
  @Order(2)
  void backfillRunsOneJobPerStageAndAgreesWithNightlyRuns() throws Exception {
    Path wh = tmp.resolve("backfill");
    Run run = etl(common(wh, "backfill", "--from", D1.toString(), "--to", D8.toString()));
    assertEquals(0, run.exit, run.err);
    for (String job : List.of("enrich", "aggregate", "bound", "release")) {
      assertEquals(
          1, count(run.out, "  " + job + ": done"), job + " runs once for the batch: " + run.out);
    }
    assertTrue(run.out.contains("SUCCEEDED 8 date(s)"), run.out);
    // D8's baseline D1 comes from events of the same job here, from published Parquet above.
    assertCells(readCells(wh, D8), model.expectedCells(D8, K, true), D8);
    assertEquals(readCells(tmp.resolve("nightly"), D8), readCells(wh, D8));

    // The release too: the same secret and data give the same values, whether D8's baseline was
    // recomputed in the batch or read back from D1's stored release.
    for (LocalDate d : List.of(D1, D8)) {
      ReleaseChecks.assertSameRecords(
          ReleaseChecks.read(tmp.resolve("nightly").resolve("release/dt=" + d)),
          ReleaseChecks.read(wh.resolve("release/dt=" + d)),
          "release of " + d + " as in the nightly runs");
      assertEquals(
          report(tmp.resolve("nightly"), d).get("release"),
          report(wh, d).get("release"),
          d.toString());
    }
    ReleaseChecks.Coverage coverage = new ReleaseChecks.Coverage();
    for (int i = 0; i < 8; i++) {
      LocalDate d = D1.plusDays(i);
      List<ReleasedValue> values = ReleaseChecks.read(wh.resolve("release/dt=" + d));
      JsonNode r = report(wh, d);
      ReleaseChecks.assertDomain(values, d, model, d.equals(D8));
      assertEquals(
          !d.equals(D8), r.get("baseline_missing").asBoolean(), "baseline_missing of " + d);
      ReleaseChecks.assertAccounting(r, manifest(wh, d), values, model, d);
      // D1 and D8 are the nightly runs' values, checked above; the others add to the coverage.
      ReleaseChecks.assertWithinMargins(
          values, model, d, r.get("bounding").get("events_dropped").asLong(), coverage, false);
    }
    ReleaseChecks.assertDeltasAre(
        ReleaseChecks.read(wh.resolve("release/dt=" + D8)),
        ReleaseChecks.read(wh.resolve("release/dt=" + D1)));
    System.out.println("RELEASE backfill coverage " + coverage.summary());
    coverage.assertMostWithinMargins();
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
          assertFalse(
              text.toLowerCase(java.util.Locale.ROOT).contains(RELEASE_KEY_HEX),
              f + " contains the release secret");
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
    assertFalse(Files.exists(wh.resolve("release/dt=" + D1)));
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
            "--release-key-file",
            releaseKeyFile.toString(),
            "--no-publish");
    assertEquals(1, run.exit);
    assertTrue(
        run.err.contains("DATAPOINTS_HMAC_KEY") && run.err.contains("--hmac-key-file"), run.err);
    assertFalse(Files.exists(wh.resolve("events")));
    assertFalse(Files.exists(wh.resolve("release")));
  }

  @Test
  @Order(6)
  void refusesToRunWithoutAReleaseSecretBeforeAnyStage() throws Exception {
    assumeTrue(
        System.getenv("DATAPOINTS_RELEASE_KEY") == null, "the environment holds a release secret");
    Path wh = tmp.resolve("noreleasekey");
    for (String[] args :
        List.of(
            new String[] {"run", "--date", D1.toString()},
            new String[] {"backfill", "--from", D1.toString(), "--to", D8.toString()},
            new String[] {"release", "--date", D1.toString()})) {
      List<String> a = new ArrayList<>(List.of(args));
      a.addAll(
          List.of(
              "--raw",
              raw.toString(),
              "--ref",
              ref.toString(),
              "--warehouse",
              wh.toString(),
              "--hmac-key-file",
              keyFile.toString(),
              "--no-publish"));
      if (args[0].equals("release")) {
        a.remove("--no-publish");
      }
      Run run = etl(a.toArray(String[]::new));
      assertEquals(1, run.exit, run.out + run.err);
      assertTrue(
          run.err.contains("DATAPOINTS_RELEASE_KEY") && run.err.contains("--release-key-file"),
          run.err);
      assertFalse(
          run.out.contains("[1/4]") || run.out.contains("[2/4]") || run.out.contains("[3/4]"),
          "no stage started: " + run.out);
      for (String dir : List.of("events", "aggregates", "release", "_staging")) {
        assertFalse(Files.exists(wh.resolve(dir)), args[0] + " wrote " + dir);
      }
      assertEquals("FAILED", report(wh, D1).get("status").asText());
    }
  }

  @Test
  @Order(7)
  void usageErrorsExitWithTwo() throws Exception {
    Run run = etl("run", "--date", "2013-02-30");
    assertEquals(2, run.exit);
    assertTrue(run.err.contains("--date must be a date YYYY-MM-DD, got '2013-02-30'"), run.err);
    assertEquals(2, etl("frobnicate").exit);
  }

  /**
   * One raw line of D1 changes (an event of a user with one event that day moves to another pc4)
   * and D1 is backfilled with --cascade: D1 is released again (fresh noise for the two pc4s the
   * event moved between, the same values for every other pc4; its second distinct release, so ε 2.0
   * spent) and D8, whose delta is D1's release, is re-aggregated and re-released: its deltas are
   * D1's new values, its own values unchanged, so it spent nothing more.
   */
  @Test
  @Order(8)
  void backfillWithCascadeReReleasesTheDatesWhoseDeltaDependsOnIt() throws Exception {
    Path wh = tmp.resolve("nightly");
    List<ReleasedValue> d1Before = ReleaseChecks.read(wh.resolve("release/dt=" + D1));
    List<ReleasedValue> d8Before = ReleaseChecks.read(wh.resolve("release/dt=" + D8));
    String d8Digest = report(wh, D8).get("release").get("digest").asText();
    String d1Digest = report(wh, D1).get("release").get("digest").asText();

    Path raw2 = tmp.resolve("raw-cascade");
    RawEdits.copyTree(raw.resolve("dt=" + D1), raw2.resolve("dt=" + D1));
    int[] moved = RawEdits.moveOneEventOfAOneEventUser(raw2.resolve("dt=" + D1), model, D1);
    ReferenceModel changed = new ReferenceModel(ref);
    changed.readPartition(raw2, D1);
    changed.readPartition(raw, D8);
    Map<CellKey, Long> totalsBefore = model.trueHits(D1, ReferenceModel.Level.TOTAL);
    Map<CellKey, Long> totalsAfter = changed.trueHits(D1, ReferenceModel.Level.TOTAL);
    assertEquals(
        totalsBefore.getOrDefault(new CellKey(-1, moved[0], 0, ""), 0L) - 1,
        (long) totalsAfter.getOrDefault(new CellKey(-1, moved[0], 0, ""), 0L),
        "the event left pc4 " + moved[0]);
    assertEquals(
        totalsBefore.getOrDefault(new CellKey(-1, moved[1], 0, ""), 0L) + 1,
        (long) totalsAfter.getOrDefault(new CellKey(-1, moved[1], 0, ""), 0L),
        "and arrived in pc4 " + moved[1]);

    Run run =
        etl(
            common(
                raw2, wh, "backfill", "--from", D1.toString(), "--to", D1.toString(), "--cascade"));
    assertEquals(0, run.exit, run.out + run.err);
    assertEquals(model.lines.get(D1), changed.lines.get(D1));
    assertEquals(
        model.goodEvents.get(D1),
        changed.goodEvents.get(D1),
        "one event moved, none gained or lost");
    assertEquals(model.goodEvents.get(D1), report(wh, D1).get("events").asLong());
    assertTrue(run.out.contains("cascade: delta of [" + D8 + "] depends on the range"), run.out);
    assertTrue(run.out.contains("[3/4] release 2 date(s)"), run.out);
    assertTrue(run.out.contains("SUCCEEDED 2 date(s)"), run.out);

    List<ReleasedValue> d1 = ReleaseChecks.read(wh.resolve("release/dt=" + D1));
    List<ReleasedValue> d8 = ReleaseChecks.read(wh.resolve("release/dt=" + D8));
    ReleaseChecks.assertDomain(d1, D1, changed, false);
    ReleaseChecks.assertDomain(d8, D8, changed, true);
    ReleaseChecks.assertDeltasAre(d8, d1);
    Set<Integer> touched = Set.of(moved[0], moved[1]);
    ReleaseChecks.assertSameRecords(
        d1Before.stream().filter(v -> !touched.contains(v.getPc4())).toList(),
        d1.stream().filter(v -> !touched.contains(v.getPc4())).toList(),
        "untouched pc4s of D1 are identical");
    assertFalse(sorted(d1Before).equals(sorted(d1)), "the two touched pc4s drew fresh noise");
    ReleaseChecks.assertSameRecords(
        ownValues(d8Before), ownValues(d8), "D8's own values did not change");
    assertFalse(sorted(d8Before).equals(sorted(d8)), "but its deltas did");

    JsonNode r1 = report(wh, D1);
    JsonNode r8 = report(wh, D8);
    assertNotEquals(d1Digest, r1.get("release").get("digest").asText(), "D1 is a new release");
    assertEquals(2, r1.get("privacy").get("releases").asInt(), r1.toString());
    assertEquals(
        2.0,
        r1.get("privacy").get("epsilon_spent").asDouble(),
        "a second release of D1 costs epsilon again");
    assertEquals(
        d8Digest, r8.get("release").get("digest").asText(), "D8 released the same values again");
    assertEquals(1, r8.get("privacy").get("releases").asInt(), r8.toString());
    assertEquals(
        1.0, r8.get("privacy").get("epsilon_spent").asDouble(), "new deltas cost D8 nothing");
    ReleaseChecks.assertAccounting(r1, manifest(wh, D1), d1, changed, D1);
    ReleaseChecks.assertAccounting(r8, manifest(wh, D8), d8, changed, D8);
    // The internal aggregates cascade the same way.
    assertCells(readCells(wh, D1), changed.expectedCells(D1, K, false), D1);
    assertCells(readCells(wh, D8), changed.expectedCells(D8, K, true), D8);
  }

  /** Released values as sorted text, for comparing two releases record by record. */
  private static List<String> sorted(List<ReleasedValue> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.toString()));
    out.sort(null);
    return out;
  }

  /** What a date's release draws noise for: member, released flag, hits and scale (no deltas). */
  private static List<String> ownValues(List<ReleasedValue> values) {
    List<String> out = new ArrayList<>();
    for (ReleasedValue v : values) {
      if (v.getReleased()) {
        out.add(
            v.getLevel()
                + "/"
                + ReleaseChecks.member(v)
                + "="
                + v.getHits()
                + "@"
                + v.getHitsScale());
      }
    }
    out.sort(null);
    return out;
  }

  private static JsonNode manifest(Path wh, LocalDate d) throws IOException {
    return JSON.readTree(wh.resolve("release/dt=" + d + "/_release.json").toFile());
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
