package nl.datapoints.etl.reliability;

import static nl.datapoints.etl.reliability.EtlHarness.etl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.datapoints.etl.e2e.ReleaseChecks;
import nl.datapoints.etl.reliability.EtlHarness.Run;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.Margins;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.testkit.ReferenceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile raw input, run through the real CLI in Hadoop local mode. Each row of the
 * table says what the case is and what must happen: either the run succeeds with every bad line
 * quarantined under the expected reason and {@code lines_read = events + quarantined +
 * empty_lines}, or it fails cleanly (exit 1, a message naming the cause, no stack trace, nothing
 * under {@code <warehouse>/events|aggregates/dt=D}).
 *
 * <p>To keep the suite fast all succeeding cases are dates of ONE backfill (one enrich and one
 * aggregate job); each failing case is its own run. Every succeeding case has 99 good lines per bad
 * line, so it sits exactly on the default {@code --max-bad-fraction 0.01} ("more than" fails): a
 * miscounted line anywhere fails the whole batch. Every succeeding date is also released (the same
 * backfill's bound and release jobs) with its whole public domain, and no failing one is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT {
  private static final LocalDate FIRST = LocalDate.of(2016, 2, 20);
  private static final LocalDate LEAP_DAY = LocalDate.of(2016, 2, 29);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** One succeeding case: files of its partition and what the report must say. */
  record Ok(
      String name,
      LocalDate date,
      Map<String, byte[]> files,
      Map<String, Long> quarantined,
      long emptyLines,
      long events,
      List<String> corruptFiles) {}

  /**
   * One failing case: files of its partition (null: an empty directory), options, and words the
   * message must hold.
   */
  record Fails(
      String name,
      LocalDate date,
      Map<String, byte[]> files,
      List<String> options,
      List<String> message) {}

  private Path raw;
  private Path ref;
  private Path key;
  private Path releaseKey;
  private Path warehouse;
  private final List<Ok> ok = new ArrayList<>();
  private final List<Fails> fails = new ArrayList<>();
  private Run batch;

  // ---- lines ----

  private static String good(LocalDate d, int i) {
    return d + "T10:15:00+01:00\tuser-" + (i % 10) + "\t10.9.8." + (i % 250) + "\t1017AB\t42\t7";
  }

  /** {@code n} good lines, each ended by {@code eol}. */
  private static String goods(LocalDate d, int n, String eol) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(good(d, i)).append(eol);
    }
    return b.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static Map<String, Long> q(Object... reasonCount) {
    Map<String, Long> m = new TreeMap<>();
    for (int i = 0; i < reasonCount.length; i += 2) {
      m.put((String) reasonCount[i], ((Number) reasonCount[i + 1]).longValue());
    }
    return m;
  }

  /**
   * A case whose file is {@code bad} lines plus 99 good lines per bad line, all in one {@code
   * .tsv}.
   */
  private void badLines(
      String name, LocalDate d, Map<String, Long> quarantined, long extraEvents, String... bad) {
    long badCount = quarantined.values().stream().mapToLong(Long::longValue).sum();
    int goodCount = (int) (99 * badCount - extraEvents);
    String body = String.join("\n", bad) + "\n" + goods(d, goodCount, "\n");
    ok.add(
        new Ok(
            name,
            d,
            Map.of("part-0.tsv", utf8(body)),
            quarantined,
            0,
            goodCount + extraEvents,
            List.of()));
  }

  @BeforeAll
  void buildCorpus(@TempDir Path tmp) throws Exception {
    raw = tmp.resolve("raw");
    ref = tmp.resolve("ref");
    warehouse = tmp.resolve("warehouse");
    key = EtlHarness.writeKey(tmp);
    releaseKey = EtlHarness.writeReleaseKey(tmp);
    Files.createDirectories(ref);
    Files.writeString(
        ref.resolve("postcodes.csv"),
        "pc4,lat,lon,name\n1016,52.3731,4.8830,Jordaan\n1017,52.3625,4.8900,Centrum\n");
    Files.writeString(ref.resolve("merchants.csv"), "merchant_id,sbi\n42,4711\n43,56\n");
    Files.writeString(ref.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n56,Restaurants\n");

    LocalDate d = FIRST;
    String ip = "\t10.0.0.1\t";
    // Every reason code of docs/formats.md §3.1.
    badLines(
        "FIELD_COUNT: five fields",
        d,
        q("FIELD_COUNT", 1),
        0,
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42");
    d = d.plusDays(1);
    badLines(
        "BAD_TIMESTAMP: no offset, not a date",
        d,
        q("BAD_TIMESTAMP", 2),
        0,
        d + "T10:15:00\tuser-1" + ip + "1017AB\t42\t7",
        "yesterday\tuser-1" + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    badLines(
        "EMPTY_USER: empty and 129 characters",
        d,
        q("EMPTY_USER", 2),
        0,
        d + "T10:15:00+01:00\t" + ip + "1017AB\t42\t7",
        d + "T10:15:00+01:00\t" + "u".repeat(129) + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    badLines(
        "BAD_POSTCODE: leading zero, letters only, seven characters",
        d,
        q("BAD_POSTCODE", 3),
        0,
        d + "T10:15:00+01:00\tuser-1" + ip + "0123AB\t42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "ABCDEF\t42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017ABC\t42\t7");
    d = d.plusDays(1);
    badLines(
        "BAD_MERCHANT: negative, zero, 2^63",
        d,
        q("BAD_MERCHANT", 3),
        0,
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t-42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t0\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t9223372036854775808\t7");
    d = d.plusDays(1);
    badLines(
        "BAD_ACTIVITY: 0 and 65536",
        d,
        q("BAD_ACTIVITY", 2),
        0,
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t0",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t65536");
    d = d.plusDays(1);
    badLines(
        "UNKNOWN_POSTCODE: well-formed, not in the gazetteer",
        d,
        q("UNKNOWN_POSTCODE", 1),
        0,
        d + "T10:15:00+01:00\tuser-1" + ip + "9998ZZ\t42\t7");
    d = d.plusDays(1);
    badLines(
        "UNKNOWN_MERCHANT: not in merchants.csv",
        d,
        q("UNKNOWN_MERCHANT", 1),
        0,
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t99\t7");
    d = d.plusDays(1);
    badLines(
        "OUT_OF_PARTITION: the day before, local time",
        d,
        q("OUT_OF_PARTITION", 1),
        0,
        d.minusDays(1) + "T23:30:00+01:00\tuser-1" + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    assertEquals(LEAP_DAY, d);
    badLines(
        "leap day 2016-02-29 is a date; 2016-02-30 and 2015-02-29 are not",
        d,
        q("BAD_TIMESTAMP", 2),
        0,
        "2016-02-30T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t7",
        "2015-02-29T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    {
      LocalDate e = d;
      byte[] latin1 =
          ("\n" + e + "T10:15:00+01:00\tJos\u00e9" + ip + "1017AB\t42\t7\n")
              .getBytes(StandardCharsets.ISO_8859_1);
      byte[] overlong =
          cat(
              utf8(e + "T10:15:00+01:00\tuser"),
              new byte[] {(byte) 0xC0, (byte) 0xAF},
              utf8(ip + "1017AB\t42\t7\n"));
      ok.add(
          new Ok(
              "ENCODING: Latin-1 and an overlong UTF-8 sequence",
              e,
              Map.of(
                  "part-0.tsv",
                  cat(
                      utf8(goods(e, 198, "\n")).clone(),
                      Arrays.copyOfRange(latin1, 1, latin1.length),
                      overlong)),
              q("ENCODING", 2),
              0,
              198,
              List.of()));
    }
    d = d.plusDays(1);
    badLines(
        "LINE_TOO_LONG: 70 KiB user id",
        d,
        q("LINE_TOO_LONG", 1),
        0,
        d + "T10:15:00+01:00\t" + "x".repeat(70 * 1024) + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    {
      // A 1 MB line in the middle: quarantined as too long, and the lines after it keep their
      // numbers.
      String body =
          goods(d, 5, "\n")
              + d
              + "T10:15:00+01:00\t"
              + "y".repeat(1 << 20)
              + ip
              + "1017AB\t42\t7\n"
              + goods(d, 94, "\n");
      ok.add(
          new Ok(
              "1 MB line",
              d,
              Map.of("part-0.tsv", utf8(body)),
              q("LINE_TOO_LONG", 1),
              0,
              99,
              List.of()));
    }
    d = d.plusDays(1);
    ok.add(
        new Ok(
            "CRLF line ends, blank CRLF lines counted as empty",
            d,
            Map.of("part-0.tsv", utf8(goods(d, 50, "\r\n") + "\r\n\r\n\n" + goods(d, 50, "\r\n"))),
            q(),
            3,
            100,
            List.of()));
    d = d.plusDays(1);
    ok.add(
        new Ok(
            "UTF-8 BOM at the start of a file (plain and gzip)",
            d,
            Map.of(
                "a.tsv",
                cat(BOM, utf8(goods(d, 50, "\n"))),
                "b.tsv.gz",
                EtlHarness.gzip(cat(BOM, utf8(goods(d, 50, "\r\n"))))),
            q(),
            0,
            100,
            List.of()));
    d = d.plusDays(1);
    badLines(
        "NUL bytes: a NUL-only line, in a timestamp, in a merchant; in a user id it is part of the id",
        d,
        q("FIELD_COUNT", 1, "BAD_TIMESTAMP", 1, "BAD_MERCHANT", 1),
        1,
        "\0\0\0",
        d + "T10:15\0:00+01:00\tuser-1" + ip + "1017AB\t42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\0\t7",
        d + "T10:15:00+01:00\tuser-\0" + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    badLines(
        "tabs inside fields and a trailing tab are FIELD_COUNT",
        d,
        q("FIELD_COUNT", 2),
        0,
        d + "T10:15:00+01:00\tuser\t1" + ip + "1017AB\t42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t7\t");
    d = d.plusDays(1);
    ok.add(
        new Ok(
            "empty files: 0-byte .tsv and an empty gzip member",
            d,
            Map.of(
                "empty.tsv",
                new byte[0],
                "empty.tsv.gz",
                EtlHarness.gzip(new byte[0]),
                "part-0.tsv",
                utf8(goods(d, 100, "\n"))),
            q(),
            0,
            100,
            List.of()));
    d = d.plusDays(1);
    badLines(
        "header line",
        d,
        q("BAD_TIMESTAMP", 1),
        0,
        "event_time\tuser_id\tclient_ip\tpostcode\tmerchant_id\tactivity_id");
    d = d.plusDays(1);
    badLines(
        "future timestamps: next day and year 2099",
        d,
        q("OUT_OF_PARTITION", 2),
        0,
        d.plusDays(1) + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t7",
        "2099-12-31T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    badLines(
        "whitespace around fields (a user id keeps its spaces: it is an opaque id)",
        d,
        q("BAD_TIMESTAMP", 2, "BAD_POSTCODE", 1, "BAD_MERCHANT", 1, "BAD_ACTIVITY", 1),
        1,
        " " + d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t7",
        d + "T10:15:00+01:00 \tuser-1" + ip + "1017AB\t42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + " 1017AB\t42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t 42\t7",
        d + "T10:15:00+01:00\tuser-1" + ip + "1017AB\t42\t7 ",
        d + "T10:15:00+01:00\t user-1" + ip + "1017AB\t42\t7");
    d = d.plusDays(1);
    {
      byte[] whole = EtlHarness.gzip(utf8(goods(d, 5000, "\n")));
      ok.add(
          new Ok(
              "truncated gzip with --skip-corrupt-files: listed in corrupt_files",
              d,
              Map.of(
                  "part-0.tsv",
                  utf8(goods(d, 100, "\n")),
                  "truncated.tsv.gz",
                  Arrays.copyOf(whole, whole.length / 2)),
              q(),
              0,
              -1,
              List.of("truncated.tsv.gz")));
    }

    LocalDate f = d.plusDays(10);
    byte[] whole = EtlHarness.gzip(utf8(goods(f, 5000, "\n")));
    fails.add(
        new Fails(
            "truncated gzip fails naming the file",
            f,
            Map.of(
                "part-0.tsv",
                utf8(goods(f, 100, "\n")),
                "truncated.tsv.gz",
                Arrays.copyOf(whole, whole.length / 2)),
            List.of(),
            List.of("truncated.tsv.gz", "--skip-corrupt-files")));
    f = f.plusDays(1);
    fails.add(
        new Fails(
            "a text file named .gz fails naming the file",
            f,
            Map.of(
                "part-0.tsv", utf8(goods(f, 100, "\n")), "plain.tsv.gz", utf8(goods(f, 100, "\n"))),
            List.of(),
            List.of("plain.tsv.gz")));
    f = f.plusDays(1);
    fails.add(
        new Fails(
            "a partition directory without files fails naming the partition",
            f,
            null,
            List.of(),
            List.of("no input lines", "dt=" + f)));
    f = f.plusDays(1);
    fails.add(
        new Fails(
            "a partition of empty files fails naming the partition",
            f,
            Map.of("empty.tsv", new byte[0], "empty.tsv.gz", EtlHarness.gzip(new byte[0])),
            List.of(),
            List.of("no input lines", "dt=" + f)));
    f = f.plusDays(1);
    fails.add(
        new Fails(
            "2 bad lines in 100: more than --max-bad-fraction 0.01",
            f,
            Map.of(
                "part-0.tsv",
                utf8(
                    "x\n"
                        + f
                        + "T10:15:00+01:00\tuser-1"
                        + ip
                        + "9998ZZ\t42\t7\n"
                        + goods(f, 98, "\n"))),
            List.of(),
            List.of(
                "nothing published",
                "more than --max-bad-fraction 0.01",
                "top reasons",
                "FIELD_COUNT",
                "UNKNOWN_POSTCODE")));
    f = f.plusDays(1);
    fails.add(
        new Fails(
            "1 bad line in 4, with --max-bad-fraction 0.2",
            f,
            Map.of("part-0.tsv", utf8("x\n" + goods(f, 3, "\n"))),
            List.of("--max-bad-fraction", "0.2"),
            List.of("nothing published", "more than --max-bad-fraction 0.2", "FIELD_COUNT")));

    for (Ok c : ok) {
      write(c.date, c.files);
    }
    for (Fails c : fails) {
      write(c.date, c.files);
    }
    batch =
        etl(
            "backfill",
            "--from",
            FIRST.toString(),
            "--to",
            ok.get(ok.size() - 1).date.toString(),
            "--raw",
            raw.toString(),
            "--ref",
            ref.toString(),
            "--warehouse",
            warehouse.toString(),
            "--hmac-key-file",
            key.toString(),
            "--release-key-file",
            releaseKey.toString(),
            "--skip-corrupt-files",
            "--no-publish");
  }

  private void write(LocalDate d, Map<String, byte[]> files) throws IOException {
    Path dir = raw.resolve("dt=" + d);
    Files.createDirectories(dir);
    if (files != null) {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> eachBadInputIsQuarantinedAndAccountedFor() {
    assertEquals(0, batch.exit(), batch.out() + batch.err());
    assertFalse(batch.err().contains("\tat "), batch.err());
    return ok.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.date + " " + c.name,
                    () -> {
                      JsonNode r = EtlHarness.report(warehouse, c.date);
                      assertEquals("SUCCEEDED", r.get("status").asText());
                      Map<String, Long> reasons = new TreeMap<>();
                      r.get("quarantined")
                          .fields()
                          .forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
                      reasons.values().removeIf(v -> v == 0);
                      assertEquals(c.quarantined, reasons, "quarantine reasons in the report");
                      assertEquals(
                          c.quarantined,
                          EtlHarness.quarantineReasons(raw, c.date),
                          "quarantine lines in the raw zone");
                      long quarantined =
                          c.quarantined.values().stream().mapToLong(Long::longValue).sum();
                      assertEquals(quarantined, r.get("quarantined_total").asLong());
                      assertEquals(c.emptyLines, r.get("empty_lines").asLong(), "empty_lines");
                      long events = r.get("events").asLong();
                      if (c.events >= 0) {
                        assertEquals(c.events, events, "events");
                        assertEquals(
                            c.events + quarantined + c.emptyLines,
                            r.get("lines_read").asLong(),
                            "lines_read");
                      } else {
                        assertTrue(
                            events >= 100, "events before the truncation still count: " + events);
                      }
                      assertEquals(
                          r.get("lines_read").asLong(),
                          events + quarantined + r.get("empty_lines").asLong(),
                          "accounting identity");
                      assertTrue(r.get("accounting_ok").asBoolean());
                      List<String> corrupt = new ArrayList<>();
                      r.get("corrupt_files")
                          .forEach(n -> corrupt.add(n.asText().replaceAll(".*/", "")));
                      assertEquals(c.corruptFiles, corrupt, "corrupt_files");
                      // All events share one cell seen by 10 users, so every event is published.
                      assertEquals(1, r.get("cells_published").asLong());
                      assertEquals(events, r.get("hits_published").asLong());
                      assertEquals(
                          events,
                          EtlHarness.records(warehouse.resolve("events/dt=" + c.date)).size());
                    }));
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> quarantinedLinesNameTheirFileAndLineAndStayBounded() throws IOException {
    LocalDate oneMb =
        ok.stream().filter(c -> c.name.equals("1 MB line")).findFirst().orElseThrow().date;
    List<String> lines = EtlHarness.quarantineLines(raw, oneMb);
    return Stream.of(
        DynamicTest.dynamicTest(
            "the 1 MB line is line 6 of its file, kept as a bounded prefix",
            () -> {
              assertEquals(1, lines.size());
              String[] f = lines.get(0).split("\t", 4);
              assertEquals("LINE_TOO_LONG", f[0]);
              assertTrue(f[1].endsWith("dt=" + oneMb + "/part-0.tsv"), f[1]);
              assertEquals("6", f[2]);
              assertTrue(
                  lines.get(0).length() < 70 * 1024,
                  "quarantined prefix length " + lines.get(0).length());
            }));
  }

  /**
   * Every succeeding date is released with its whole domain (2 pc4s x (TOTAL + 24 hours + 2 SBI
   * codes)), deltas from the date a week before in the same batch; every event is in one cell of
   * pc4 1017, so the released TOTAL of 1017 is the bounded event count plus noise, within its
   * margin for most dates.
   */
  @TestFactory
  @Order(3)
  Stream<DynamicTest> everySucceedingDateIsReleasedWithItsWholeDomain() throws IOException {
    ReferenceModel domain = new ReferenceModel(ref);
    ReleaseChecks.Coverage coverage = new ReleaseChecks.Coverage();
    List<DynamicTest> tests = new ArrayList<>();
    for (Ok c : ok) {
      tests.add(
          DynamicTest.dynamicTest(
              c.date + " " + c.name,
              () -> {
                JsonNode r = EtlHarness.report(warehouse, c.date);
                boolean baseline = !c.date.minusDays(7).isBefore(FIRST);
                List<ReleasedValue> values =
                    ReleaseChecks.read(warehouse.resolve("release/dt=" + c.date));
                ReleaseChecks.assertDomain(values, c.date, domain, baseline);
                assertEquals(2 * (1 + 24 + 2), values.size(), "no CELL of 10 users is selected");
                assertEquals(!baseline, r.get("baseline_missing").asBoolean());
                assertEquals(values.size(), r.get("release").get("values").asLong());
                JsonNode b = r.get("bounding");
                assertEquals(
                    r.get("events").asLong(),
                    b.get("events_kept").asLong() + b.get("events_dropped").asLong());
                assertEquals(1.0, r.get("privacy").get("epsilon_spent").asDouble());
                ReleasedValue total =
                    values.stream()
                        .filter(v -> v.getPc4() == 1017 && v.getLevel() == Level.TOTAL)
                        .findFirst()
                        .orElseThrow();
                double var = ReleaseBlock.variance(total.getHitsScale());
                long moe = Margins.moe95(var, var * var);
                coverage.add(
                    Math.abs(total.getHits() - b.get("events_kept").asLong()) <= moe,
                    c.date
                        + ": TOTAL of 1017 "
                        + total.getHits()
                        + ", bounded "
                        + b.get("events_kept")
                        + ", moe "
                        + moe);
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "the TOTALs of 1017 are within their margins",
            () -> {
              System.out.println("RELEASE corpus coverage " + coverage.summary());
              coverage.assertMostWithinMargins();
            }));
    return tests.stream();
  }

  @TestFactory
  @Order(4)
  Stream<DynamicTest> eachFatalInputFailsCleanlyAndPublishesNothing() {
    return fails.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.date + " " + c.name,
                    () -> {
                      List<String> args =
                          new ArrayList<>(
                              List.of(
                                  "run",
                                  "--date",
                                  c.date.toString(),
                                  "--raw",
                                  raw.toString(),
                                  "--ref",
                                  ref.toString(),
                                  "--warehouse",
                                  warehouse.toString(),
                                  "--hmac-key-file",
                                  key.toString(),
                                  "--release-key-file",
                                  releaseKey.toString(),
                                  "--no-publish"));
                      args.addAll(c.options);
                      Run run = etl(args.toArray(String[]::new));
                      assertEquals(1, run.exit(), run.out() + run.err());
                      for (String word : c.message) {
                        assertTrue(
                            run.err().contains(word), "message names '" + word + "': " + run.err());
                      }
                      assertFalse(
                          run.err().contains("\tat ") || run.err().contains("Exception"),
                          "no stack trace: " + run.err());
                      assertEquals(
                          1, run.err().strip().lines().count(), "one line on stderr: " + run.err());
                      assertFalse(
                          Files.exists(warehouse.resolve("events/dt=" + c.date)),
                          "no events partition");
                      assertFalse(
                          Files.exists(warehouse.resolve("aggregates/dt=" + c.date)),
                          "no aggregates partition");
                      assertFalse(
                          Files.exists(warehouse.resolve("release/dt=" + c.date)),
                          "no release partition");
                      assertEquals(
                          "FAILED", EtlHarness.report(warehouse, c.date).get("status").asText());
                      assertFalse(
                          EtlHarness.report(warehouse, c.date)
                              .toString()
                              .contains(EtlHarness.KEY_HEX));
                      assertFalse(
                          EtlHarness.report(warehouse, c.date)
                              .toString()
                              .contains(EtlHarness.RELEASE_KEY_HEX));
                    }));
  }
}
