package nl.datapoints.etl.reliability;

import static nl.datapoints.etl.reliability.EtlHarness.etl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.datapoints.etl.e2e.RawEdits;
import nl.datapoints.etl.e2e.ReleaseChecks;
import nl.datapoints.etl.generate.GenerateConfig;
import nl.datapoints.etl.generate.GenerateProgress;
import nl.datapoints.etl.generate.SampleGenerator;
import nl.datapoints.etl.reliability.EtlHarness.Run;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.testkit.ReferenceModel;
import nl.datapoints.testkit.ReferenceModel.CellKey;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.WriterAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns, failures and interrupted swaps leave whole partitions and identical cells and releases;
 * and nothing outside the raw zone — warehouse Parquet, reports, the driver's stdout/stderr, the
 * log output at the production level (INFO), the job configuration files Hadoop writes — holds a
 * raw user id, IP, PC6 postcode, the HMAC secret or the release secret. A rerun on unchanged input
 * releases the same values (no ε spent again); one on changed input draws fresh noise where the
 * input changed, and the date's report counts ε again. One generated day, run through the real CLI,
 * with fixed secrets.
 *
 * <p>Hadoop's local runner does not retry a failed task ({@code mapreduce.map.maxattempts} is
 * ignored), so a "fails once, then succeeds" task cannot be shown here; instead a FAILED run is
 * shown to leave the previous partitions byte for byte, and a rerun to produce the same cells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RerunRecoveryAndPrivacyIT {
  private static final LocalDate D = LocalDate.of(2013, 3, 5);
  private static final int K = 5;

  private Path tmp;
  private Path raw;
  private Path ref;
  private Path key;
  private Path releaseKey;
  private Path wh;
  private ReferenceModel model;
  private Run first;
  private String log;
  private final Map<String, String> jobXml = new ConcurrentHashMap<>();

  @BeforeAll
  void generateAndRunOnce(@TempDir Path dir) throws Exception {
    tmp = dir;
    GenerateConfig g = new GenerateConfig(tmp.resolve("sample"), D, 1, 6_000, 11L, 0.004);
    SampleGenerator.generate(g, GenerateProgress.NONE);
    raw = g.rawDir();
    ref = g.refDir();
    key = EtlHarness.writeKey(tmp);
    releaseKey = EtlHarness.writeReleaseKey(tmp);
    wh = tmp.resolve("warehouse");
    model = new ReferenceModel(ref);
    model.readPartition(raw, D);

    // The production logging level (scripts/lib/log4j-etl.properties: INFO to var/log/etl.log),
    // captured here; and every *.xml Hadoop writes under hadoop.tmp.dir while the jobs run.
    Configuration conf = new Configuration();
    Path hadoopTmp = tmp.resolve("hadoop-tmp");
    conf.set("hadoop.tmp.dir", hadoopTmp.toString());
    StringWriter captured = new StringWriter();
    WriterAppender appender = new WriterAppender(new PatternLayout("%p %c: %m%n"), captured);
    Logger root = Logger.getRootLogger();
    Level before = root.getLevel();
    root.addAppender(appender);
    root.setLevel(Level.INFO);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread watcher =
        new Thread(
            () -> {
              while (running.get()) {
                copyXml(hadoopTmp);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    watcher.start();
    try {
      first = etl(conf, common("run", "--date", D.toString()));
    } finally {
      running.set(false);
      watcher.join();
      root.removeAppender(appender);
      root.setLevel(before);
    }
    log = captured.toString();
    assertEquals(0, first.exit(), first.out() + first.err());
  }

  private void copyXml(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".xml")).toList()) {
        try {
          jobXml.putIfAbsent(p.toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
        } catch (IOException ignored) {
          // deleted or half-written between listing and reading; the next pass sees the next one
        }
      }
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // the tree changes under the walk while jobs run
    }
  }

  private String[] common(String... more) {
    List<String> a = new ArrayList<>(List.of(more));
    a.addAll(
        List.of(
            "--raw",
            raw.toString(),
            "--ref",
            ref.toString(),
            "--warehouse",
            wh.toString(),
            "--hmac-key-file",
            key.toString(),
            "--release-key-file",
            releaseKey.toString(),
            "--no-publish"));
    return a.toArray(String[]::new);
  }

  private Map<Path, byte[]> snapshot(Path dir) throws IOException {
    Map<Path, byte[]> m = new LinkedHashMap<>();
    for (Path f : EtlHarness.files(dir)) {
      m.put(dir.relativize(f), Files.readAllBytes(f));
    }
    return m;
  }

  private static void assertSameBytes(Map<Path, byte[]> expected, Map<Path, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((p, b) -> assertArrayEquals(b, actual.get(p), p.toString()));
  }

  @Test
  @Order(1)
  void publishedCellsAllHaveAtLeastKDistinctRawUsers() throws IOException {
    List<GenericRecord> cells = new ArrayList<>();
    for (Path f : EtlHarness.parquetFiles(wh.resolve("aggregates/dt=" + D))) {
      cells.addAll(EtlHarness.readAll(f));
    }
    assertFalse(cells.isEmpty());
    Map<CellKey, Set<String>> users = model.users.get(D);
    for (GenericRecord c : cells) {
      CellKey k =
          new CellKey(
              (Integer) c.get("hour"),
              (Integer) c.get("pc4"),
              (Integer) c.get("activity"),
              c.get("sbi").toString());
      assertTrue(
          users.containsKey(k) && users.get(k).size() >= K,
          "cell " + k + " has " + users.get(k) + " users");
      assertEquals(model.hits.get(D).get(k), (Long) c.get("hits"), "hits of " + k);
    }
    long small = users.values().stream().filter(u -> u.size() < K).count();
    assertTrue(small > 0, "the sample has cells below k, so suppression was exercised");
    assertEquals(users.size() - small, cells.size());
  }

  @Test
  @Order(1)
  void theReleaseFillsTheDomainAndMatchesTheModelWithinItsMargins() throws IOException {
    List<ReleasedValue> values = ReleaseChecks.read(wh.resolve("release/dt=" + D));
    JsonNode report = EtlHarness.report(wh, D);
    ReleaseChecks.assertDomain(values, D, model, false);
    ReleaseChecks.assertAccounting(report, EtlHarness.manifest(wh, D), values, model, D);
    ReleaseChecks.Coverage coverage = new ReleaseChecks.Coverage();
    ReleaseChecks.assertWithinMargins(
        values, model, D, report.get("bounding").get("events_dropped").asLong(), coverage, true);
    System.out.println("RELEASE coverage " + coverage.summary());
    coverage.assertMostWithinMargins();
    assertEquals(1.0, report.get("privacy").get("epsilon_spent").asDouble());
    assertEquals(1, report.get("privacy").get("releases").asInt());
    assertTrue(report.get("baseline_missing").asBoolean(), "D-7 was never released");
  }

  @Test
  @Order(2)
  void nothingOutsideTheRawZoneHoldsPersonalDataOrTheSecret() throws IOException {
    assertTrue(model.rawUserIds.size() > 100 && !model.rawIps.isEmpty() && !model.rawPc6.isEmpty());
    // job.xml is the submitted Configuration; the copies captured while the jobs ran depend on
    // timing (a quiet machine finishes before the watcher looks), so the enrich job's is also
    // built here exactly as the driver submits it, with the secret, and checked every time.
    StringWriter submitted = new StringWriter();
    nl.datapoints.etl.enrich.EnrichJob.create(
            new Configuration(),
            new nl.datapoints.etl.enrich.EnrichConfig(
                new org.apache.hadoop.fs.Path(raw.toUri()),
                new org.apache.hadoop.fs.Path(ref.toUri()),
                List.of(D),
                false),
            new org.apache.hadoop.fs.Path(tmp.resolve("probe-staging").toUri()),
            nl.datapoints.etl.enrich.HmacKey.load(java.util.Optional.of(key), Map.of()))
        .getConfiguration()
        .writeXml(submitted);
    assertTrue(
        submitted.toString().contains("datapoints.enrich."),
        "the probe is the enrich job's configuration");
    // The bound and release jobs as the driver submits them, with the release secret.
    nl.datapoints.etl.release.ReleaseKey rk =
        nl.datapoints.etl.release.ReleaseKey.load(java.util.Optional.of(releaseKey), Map.of());
    nl.datapoints.etl.release.ReleaseConfig rc =
        new nl.datapoints.etl.release.ReleaseConfig(
            new org.apache.hadoop.fs.Path(wh.toUri()),
            new org.apache.hadoop.fs.Path(ref.toUri()),
            List.of(D),
            Set.of(),
            nl.datapoints.etl.release.PrivacyParams.DEFAULT,
            1);
    StringWriter bound = new StringWriter();
    nl.datapoints.etl.release.BoundJob.create(
            new Configuration(),
            rc,
            List.of(new org.apache.hadoop.fs.Path(wh.resolve("events/dt=" + D).toUri())),
            new org.apache.hadoop.fs.Path(tmp.resolve("probe-bound").toUri()),
            rk)
        .getConfiguration()
        .writeXml(bound);
    StringWriter release = new StringWriter();
    Files.createDirectories(tmp.resolve("probe-bound/contributions"));
    nl.datapoints.etl.release.ReleaseJob.create(
            new Configuration(),
            rc,
            new org.apache.hadoop.fs.Path(tmp.resolve("probe-bound/contributions").toUri()),
            List.of(1012),
            Map.of(),
            new org.apache.hadoop.fs.Path(tmp.resolve("probe-release/out").toUri()),
            rk)
        .getConfiguration()
        .writeXml(release);
    assertTrue(
        bound.toString().contains("datapoints.release.")
            && release.toString().contains("datapoints.release."),
        "the probes are the bound and release jobs' configurations");
    assertTrue(
        EtlHarness.files(wh.resolve("_staging")).isEmpty(),
        "the run removed its staging: " + EtlHarness.files(wh.resolve("_staging")));
    for (Path f : EtlHarness.files(wh)) {
      assertFalse(
          f.toString().contains("contributions") || f.toString().contains("_staging"),
          "the bound job's per-user-day contributions are gone after the run: " + f);
    }
    assertTrue(log.contains("INFO"), "captured INFO log output");
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("stdout", first.out());
    texts.put("stderr", first.err());
    texts.put("log", log);
    texts.put("enrich job.xml as submitted", submitted.toString());
    texts.put("bound job.xml as submitted", bound.toString());
    texts.put("release job.xml as submitted", release.toString());
    jobXml.forEach((p, x) -> texts.put(p, x));
    for (Path f : EtlHarness.files(wh)) {
      if (f.toString().endsWith(".parquet")) {
        StringBuilder b = new StringBuilder();
        for (GenericRecord r : EtlHarness.readAll(f)) {
          for (var field : r.getSchema().getFields()) {
            Object v = r.get(field.name());
            b.append(
                    v instanceof GenericData.Fixed fx
                        ? new String(fx.bytes(), StandardCharsets.ISO_8859_1)
                        : String.valueOf(v))
                .append('\t');
          }
          b.append('\n');
        }
        texts.put(f + " (decoded)", b.toString());
      }
      texts.put(f.toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
    }
    String secretRaw =
        new String(
            java.util.HexFormat.of().parseHex(EtlHarness.KEY_HEX), StandardCharsets.ISO_8859_1);
    String releaseRaw =
        new String(
            java.util.HexFormat.of().parseHex(EtlHarness.RELEASE_KEY_HEX),
            StandardCharsets.ISO_8859_1);
    String releaseBase64 =
        java.util.Base64.getEncoder()
            .encodeToString(java.util.HexFormat.of().parseHex(EtlHarness.RELEASE_KEY_HEX));
    for (Map.Entry<String, String> t : texts.entrySet()) {
      String text = t.getValue();
      assertFalse(
          text.toLowerCase().contains(EtlHarness.KEY_HEX),
          t.getKey() + " holds the HMAC secret (hex)");
      assertFalse(text.contains(secretRaw), t.getKey() + " holds the HMAC secret (bytes)");
      assertFalse(
          text.toLowerCase().contains(EtlHarness.RELEASE_KEY_HEX),
          t.getKey() + " holds the release secret (hex)");
      assertFalse(text.contains(releaseRaw), t.getKey() + " holds the release secret (bytes)");
      assertFalse(text.contains(releaseBase64), t.getKey() + " holds the release secret (base64)");
      for (String pc6 : model.rawPc6) {
        assertFalse(text.contains(pc6), t.getKey() + " holds PC6 " + pc6);
      }
      for (String ip : model.rawIps) {
        assertFalse(ip.length() >= 7 && text.contains(ip), t.getKey() + " holds IP " + ip);
      }
      for (String id : model.rawUserIds) {
        assertFalse(
            id.length() >= 6 && containsToken(text, id), t.getKey() + " holds user id " + id);
      }
    }
  }

  /**
   * Whether {@code id} occurs in {@code text} not as part of a longer word (ids like "u123" hide in
   * hex).
   */
  private static boolean containsToken(String text, String id) {
    for (int i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
      boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      int end = i + id.length();
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  @Test
  @Order(3)
  void rerunOfTheSameDateGivesIdenticalRecords() throws Exception {
    List<String> events = EtlHarness.records(wh.resolve("events/dt=" + D));
    List<String> cells = EtlHarness.records(wh.resolve("aggregates/dt=" + D));
    List<String> release = EtlHarness.records(wh.resolve("release/dt=" + D));
    byte[] manifest = Files.readAllBytes(wh.resolve("release/dt=" + D + "/_release.json"));
    String digest = EtlHarness.report(wh, D).get("release").get("digest").asText();
    Run again = etl(common("run", "--date", D.toString()));
    assertEquals(0, again.exit(), again.err());
    assertEquals(events, EtlHarness.records(wh.resolve("events/dt=" + D)));
    assertEquals(cells, EtlHarness.records(wh.resolve("aggregates/dt=" + D)));
    ReleaseChecks.assertSameRecords(
        release,
        EtlHarness.records(wh.resolve("release/dt=" + D)),
        "the release of a rerun on unchanged input");
    assertArrayEquals(
        manifest,
        Files.readAllBytes(wh.resolve("release/dt=" + D + "/_release.json")),
        "and its manifest, byte for byte");
    JsonNode r = EtlHarness.report(wh, D);
    assertEquals(digest, r.get("release").get("digest").asText());
    assertEquals(
        1, r.get("privacy").get("releases").asInt(), "the same release again: " + r.get("privacy"));
    assertEquals(1.0, r.get("privacy").get("epsilon_spent").asDouble(), "costs no more epsilon");
    assertEquals(
        2,
        EtlHarness.files(wh.resolve("reports/dt=" + D)).size() - 1,
        "two runs, two reports + latest");
  }

  @Test
  @Order(4)
  void aFailedRunLeavesThePreviousPartitionsByteForByte() throws Exception {
    Map<Path, byte[]> events = snapshot(wh.resolve("events/dt=" + D));
    Map<Path, byte[]> cells = snapshot(wh.resolve("aggregates/dt=" + D));
    Map<Path, byte[]> release = snapshot(wh.resolve("release/dt=" + D));
    List<String> cellRecords = EtlHarness.records(wh.resolve("aggregates/dt=" + D));
    Path bad = raw.resolve("dt=" + D + "/zz-truncated.tsv.gz");
    byte[] whole = EtlHarness.gzip("x\n".repeat(50_000).getBytes(StandardCharsets.US_ASCII));
    Files.write(bad, java.util.Arrays.copyOf(whole, whole.length / 2));
    try {
      Run failed = etl(common("run", "--date", D.toString()));
      assertEquals(1, failed.exit(), failed.out());
      assertTrue(failed.err().contains("zz-truncated.tsv.gz"), failed.err());
      assertEquals("FAILED", EtlHarness.report(wh, D).get("status").asText());
      assertSameBytes(events, snapshot(wh.resolve("events/dt=" + D)));
      assertSameBytes(cells, snapshot(wh.resolve("aggregates/dt=" + D)));
      assertSameBytes(release, snapshot(wh.resolve("release/dt=" + D)));
      assertTrue(
          EtlHarness.report(wh, D).get("release").isNull(), "the failed run released nothing");
      assertTrue(
          EtlHarness.files(wh.resolve("_staging")).isEmpty(), "the failed run cleaned its staging");
    } finally {
      Files.delete(bad);
    }
    Run rerun = etl(common("run", "--date", D.toString()));
    assertEquals(0, rerun.exit(), rerun.err());
    assertEquals(cellRecords, EtlHarness.records(wh.resolve("aggregates/dt=" + D)));
    assertEquals(
        1,
        EtlHarness.report(wh, D).get("privacy").get("releases").asInt(),
        "a failed run drew no noise");
  }

  /**
   * A bound or release job that fails (a task fails, here injected) fails the run after enrich and
   * aggregate: release/dt=D stays as it was, byte for byte, the report says FAILED with the job's
   * name and no release, staging is gone; the next run releases the same values again.
   */
  @Test
  @Order(5)
  void aFailedReleaseStageLeavesTheReleaseAsItWas() throws Exception {
    Map<Path, byte[]> release = snapshot(wh.resolve("release/dt=" + D));
    List<String> releaseRecords = EtlHarness.records(wh.resolve("release/dt=" + D));
    for (String job : List.of("bound", "release")) {
      Configuration conf = new Configuration();
      conf.set(nl.datapoints.etl.common.FaultInjection.FAIL_FIRST_ATTEMPT, job);
      Run failed = etl(conf, common("run", "--date", D.toString()));
      assertEquals(1, failed.exit(), failed.out() + failed.err());
      assertTrue(failed.err().contains(job + " job failed"), failed.err());
      assertFalse(failed.err().contains("\tat "), "no stack trace: " + failed.err());
      assertTrue(
          failed.out().contains("[3/4] release") && !failed.out().contains("SUCCEEDED"),
          failed.out());
      assertSameBytes(release, snapshot(wh.resolve("release/dt=" + D)));
      JsonNode r = EtlHarness.report(wh, D);
      assertEquals("FAILED", r.get("status").asText());
      assertTrue(r.get("message").asText().contains(job + " job failed"), r.toString());
      assertTrue(r.get("release").isNull() && r.get("privacy").isNull(), "nothing released: " + r);
      assertTrue(
          EtlHarness.files(wh.resolve("_staging")).isEmpty(), "the failed run cleaned its staging");
    }
    Run rerun = etl(common("run", "--date", D.toString()));
    assertEquals(0, rerun.exit(), rerun.err());
    ReleaseChecks.assertSameRecords(
        releaseRecords,
        EtlHarness.records(wh.resolve("release/dt=" + D)),
        "the release after the failed runs");
    assertEquals(1, EtlHarness.report(wh, D).get("privacy").get("releases").asInt());
    assertEquals(1.0, EtlHarness.report(wh, D).get("privacy").get("epsilon_spent").asDouble());
  }

  @Test
  @Order(6)
  void aRunKilledMidSwapIsRecoveredByTheNextRun() throws Exception {
    List<String> events = EtlHarness.records(wh.resolve("events/dt=" + D));
    List<String> cells = EtlHarness.records(wh.resolve("aggregates/dt=" + D));
    List<String> release = EtlHarness.records(wh.resolve("release/dt=" + D));
    // Killed between the two renames of the release swap too.
    Files.move(wh.resolve("release/dt=" + D), wh.resolve("release/_replaced.dt=" + D + ".1234"));
    // Killed between the two renames of the aggregates swap: the old partition is aside, none in
    // place.
    Path aggregates = wh.resolve("aggregates/dt=" + D);
    Files.move(aggregates, wh.resolve("aggregates/_replaced.dt=" + D + ".1234"));
    // Killed after the events swap's second rename: both the new partition and the aside copy
    // exist.
    copyTree(wh.resolve("events/dt=" + D), wh.resolve("events/_replaced.dt=" + D + ".1234"));
    // Staging of the killed run (generation 1234), in the warehouse and in the raw zone.
    Files.createDirectories(wh.resolve("_staging/1234/aggregate/cells/dt=" + D));
    Files.writeString(
        wh.resolve("_staging/1234/aggregate/cells/dt=" + D + "/part-r-00000.parquet"), "half");
    Files.createDirectories(raw.resolve("_staging/1234/enrich/events/dt=" + D));
    assertFalse(Files.exists(aggregates), "readers see no partition for the date until recovery");

    Run next = etl(common("run", "--date", D.toString()));
    assertEquals(0, next.exit(), next.err());
    assertEquals(events, EtlHarness.records(wh.resolve("events/dt=" + D)));
    assertEquals(cells, EtlHarness.records(aggregates));
    ReleaseChecks.assertSameRecords(
        release, EtlHarness.records(wh.resolve("release/dt=" + D)), "recovered release");
    try (Stream<Path> s =
        Stream.concat(
            Stream.concat(Files.list(wh.resolve("aggregates")), Files.list(wh.resolve("events"))),
            Files.list(wh.resolve("release")))) {
      assertEquals(
          List.of(), s.filter(p -> p.getFileName().toString().startsWith("_replaced.")).toList());
    }
    // Staging of a killed run is invisible to readers (leading underscore) but not removed: see
    // docs/reliability.md.
    assertTrue(Files.exists(wh.resolve("_staging/1234")));
  }

  /**
   * One raw line changes (an event of a user with one event that day moves to another pc4): the
   * rerun is a new release of the date (a new digest, its second: ε 2.0 spent), the two pc4s the
   * event moved between drew fresh noise, and every other pc4's values are identical.
   */
  @Test
  @Order(7)
  void aRerunOnChangedInputIsANewReleaseOnlyWhereTheInputChanged() throws Exception {
    List<ReleasedValue> before = ReleaseChecks.read(wh.resolve("release/dt=" + D));
    String digest = EtlHarness.report(wh, D).get("release").get("digest").asText();
    int[] moved = RawEdits.moveOneEventOfAOneEventUser(raw.resolve("dt=" + D), model, D);
    ReferenceModel changed = new ReferenceModel(ref);
    changed.readPartition(raw, D);
    assertEquals(
        model.goodEvents.get(D), changed.goodEvents.get(D), "one event moved, none gained or lost");

    Run run = etl(common("run", "--date", D.toString()));
    assertEquals(0, run.exit(), run.err());
    List<ReleasedValue> after = ReleaseChecks.read(wh.resolve("release/dt=" + D));
    ReleaseChecks.assertDomain(after, D, changed, false);
    JsonNode r = EtlHarness.report(wh, D);
    ReleaseChecks.assertAccounting(r, EtlHarness.manifest(wh, D), after, changed, D);
    assertFalse(digest.equals(r.get("release").get("digest").asText()), "a new release: " + digest);
    assertEquals(2, r.get("privacy").get("releases").asInt(), r.get("privacy").toString());
    assertEquals(
        2.0,
        r.get("privacy").get("epsilon_spent").asDouble(),
        "the new release costs epsilon again");
    Set<Integer> touched = Set.of(moved[0], moved[1]);
    ReleaseChecks.assertSameRecords(
        before.stream().filter(v -> !touched.contains(v.getPc4())).toList(),
        after.stream().filter(v -> !touched.contains(v.getPc4())).toList(),
        "values of the untouched pc4s");
    List<ReleasedValue> was = before.stream().filter(v -> touched.contains(v.getPc4())).toList();
    List<ReleasedValue> now = after.stream().filter(v -> touched.contains(v.getPc4())).toList();
    assertEquals(ReleaseChecks.keys(was), ReleaseChecks.keys(now), "the same members");
    ReleasedValue totalWas =
        was.stream()
            .filter(
                v -> v.getPc4() == moved[0] && v.getLevel() == nl.datapoints.schemas.Level.TOTAL)
            .findFirst()
            .orElseThrow();
    ReleasedValue totalNow =
        now.stream()
            .filter(
                v -> v.getPc4() == moved[0] && v.getLevel() == nl.datapoints.schemas.Level.TOTAL)
            .findFirst()
            .orElseThrow();
    assertFalse(
        totalWas.getHits() - 1 == totalNow.getHits(),
        "fresh noise, not the old noise minus the event");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
