package nl.datapoints.serving;

import static io.dropwizard.testing.ConfigOverride.config;
import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.StoreLayout;
import nl.datapoints.serving.TestRows.Release;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole read path over real parts: a differentially private release written to an HBase
 * mini-cluster with real {@code Put}s and the schemas codecs (store layout 3), the real application
 * over HTTP. The test chooses every released (noisy) value and scale itself, so each answer is an
 * exact sum computed here independently: the value from the level the rules name, shown as max(0,
 * Σ), and its 95% margin from the variances of the values summed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatapointsIT {
  private static final String TABLE = "datapoints_it";
  private static final String KEY = "it-key";
  private static final LocalDate D8 = LocalDate.parse("2013-01-08");
  private static final LocalDate D9 = LocalDate.parse("2013-01-09");
  private static final long G8_OLD = 1_357_600_000_000L;
  private static final long G8 = 1_357_700_000_000L;
  private static final long G9 = 1_357_800_000_000L;
  private static final double EPSILON_D8 = 1.0;
  private static final double EPSILON_D9 = 0.5;

  /**
   * The test gazetteer (same as it-ref/postcodes.csv), kept here to compute areas independently.
   */
  private static final Map<Integer, double[]> PLACES = new LinkedHashMap<>();

  /** Not in the gazetteer; between 1017 and 1091 (see writeGeneration). */
  private static final int STRAY_PC4 = 1050;

  /** The SBI catalogue (it-ref/sbi.csv): the public domain every row has a value for. */
  private static final List<String> SBIS = List.of("4711", "56", "4771");

  private static final double[] SCALES = {0.5, 1, 2, 4};

  static {
    PLACES.put(1012, new double[] {52.3731, 4.8922});
    PLACES.put(1016, new double[] {52.3730, 4.8830});
    PLACES.put(1017, new double[] {52.3625, 4.8900});
    PLACES.put(1091, new double[] {52.3560, 4.9170});
    PLACES.put(1102, new double[] {52.3110, 4.9470});
    PLACES.put(3511, new double[] {52.0907, 5.1214});
  }

  /** date → generation → pc4 → released values, exactly as written to HBase. */
  private static final Map<LocalDate, Map<Long, Map<Integer, Release>>> WRITTEN = new TreeMap<>();

  /** The generation each date is published at (the pointer row, as the test last wrote it). */
  private static final Map<LocalDate, Generation> CURRENT = new TreeMap<>();

  @RegisterExtension
  @Order(1)
  static final MiniHBase HBASE = new MiniHBase(TABLE, DatapointsIT::seed);

  @RegisterExtension
  @Order(2)
  static final DropwizardAppExtension<DatapointsConfiguration> APP =
      new DropwizardAppExtension<>(
          DatapointsApplication.class,
          resourceFilePath("it-config.yml"),
          config("hbase.zookeeper", HBASE::quorum),
          config("referenceDir", resourceFilePath("it-ref")));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  // ---------------------------------------------------------------- data

  /**
   * Released values of one row as noise makes them: every level on its own (TOTAL is not Σ HOUR),
   * some negative, scales that differ per level and row, cells new this week (no delta) and cells
   * released a week ago only (lapsed).
   */
  private static Release release(long seed, boolean baseline) {
    Random r = new Random(seed);
    Release out = Release.of(baseline);
    for (Level l : Level.values()) {
      out.scales(l, SCALES[r.nextInt(SCALES.length)], SCALES[r.nextInt(SCALES.length)]);
    }
    out.total(r.nextInt(206) - 5, (long) r.nextInt(200) - 5);
    for (int h = 0; h < 24; h++) {
      out.hour(h, r.nextInt(46) - 5, (long) r.nextInt(40) - 3);
    }
    for (String sbi : SBIS) {
      out.sbi(sbi, r.nextInt(86) - 5, (long) r.nextInt(80) - 5);
    }
    Set<String> keys = new HashSet<>();
    int n = 4 + r.nextInt(8);
    while (keys.size() < n) {
      int hour = r.nextInt(24);
      int activity = 1 + r.nextInt(3);
      String sbi = SBIS.get(r.nextInt(SBIS.size()));
      if (keys.add(hour + "/" + activity + "/" + sbi)) {
        int kind = r.nextInt(6);
        if (kind == 0) {
          out.lapsedCell(hour, activity, sbi, r.nextInt(30));
        } else {
          out.cell(hour, activity, sbi, r.nextInt(54) - 3, kind == 1 ? null : (long) r.nextInt(40));
        }
      }
    }
    return out;
  }

  private static void writeGeneration(Table t, LocalDate date, long gen, boolean baseline) {
    Map<Integer, Release> rows = new TreeMap<>();
    for (int pc4 : PLACES.keySet()) {
      if (pc4 == 1091 && date.equals(D9)) {
        continue; // a postcode without any row on one date
      }
      Release r = release(gen * 31 + pc4, baseline);
      rows.put(pc4, r);
      put(t, TestRows.row(date, pc4, gen, r));
    }
    // A row of a number no postcode4 of the gazetteer has, inside the one key range the areas
    // around 1012 read (1012..1102: no known postcode4 between them is left out): scanned, and
    // never counted. It is in no expectation, so any answer that counts it fails.
    put(t, TestRows.row(date, STRAY_PC4, gen, release(gen * 31 + STRAY_PC4, baseline)));
    WRITTEN.computeIfAbsent(date, d -> new TreeMap<>()).put(gen, rows);
  }

  private static Generation generation(
      LocalDate date, long gen, long publishedAt, boolean baselineMissing, double epsilon) {
    long values = 0;
    long hits = 0;
    for (Release r : WRITTEN.get(date).get(gen).values()) {
      values += r.size();
      hits += r.totalHits();
    }
    return TestRows.generation(gen, publishedAt, baselineMissing, values, hits, epsilon);
  }

  private static void point(Table t, LocalDate date, Generation current, List<Generation> kept) {
    put(t, TestRows.flip(new Put(StoreLayout.POINTER_ROW), date, current, kept));
    CURRENT.put(date, current);
  }

  private static void put(Table t, Put p) {
    try {
      t.put(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Generation old8;
  private static Generation new8;

  static void seed(Table t) {
    writeGeneration(t, D8, G8_OLD, true);
    writeGeneration(t, D8, G8, true);
    writeGeneration(t, D9, G9, false);
    old8 = generation(D8, G8_OLD, G8_OLD + 5, false, EPSILON_D8);
    new8 = generation(D8, G8, G8 + 5, false, EPSILON_D8);
    point(t, D8, new8, List.of(new8, old8));
    Generation g9 = generation(D9, G9, G9 + 5, true, EPSILON_D9);
    point(t, D9, g9, List.of(g9));
  }

  // ---------------------------------------------------------------- expectations

  private static double km(int a, int b) {
    double[] p = PLACES.get(a);
    double[] q = PLACES.get(b);
    double dLat = Math.toRadians(q[0] - p[0]);
    double dLon = Math.toRadians(q[1] - p[1]);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(p[0]))
                * Math.cos(Math.toRadians(q[0]))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  }

  private static List<Integer> area(int center, double r) {
    return PLACES.keySet().stream()
        .filter(p -> p == center || km(center, p) <= r)
        .sorted()
        .toList();
  }

  /**
   * Variance of discrete Laplace noise of scale b: 2q / (1 - q)², q = e^(-1/b); 0 for an exact
   * value.
   */
  private static double variance(double b) {
    if (b == 0) {
      return 0;
    }
    double q = Math.exp(-1 / b);
    double oneMinusQ = -Math.expm1(-1 / b);
    return 2 * q / (oneMinusQ * oneMinusQ);
  }

  /**
   * 95% margin: ⌈z √Σvar⌉ with z = 1.96 + 0.165 / √max(1, n), n = (Σvar)² / Σvar²
   * (docs/privacy.md).
   */
  private static long moe(double sumVar, double sumVar2) {
    if (sumVar == 0) {
      return 0;
    }
    double n = sumVar * sumVar / sumVar2;
    return (long) Math.ceil((1.96 + 0.165 / Math.sqrt(Math.max(1, n))) * Math.sqrt(sumVar));
  }

  /**
   * One expected sum: value, variance and variance² of hits and delta, and whether anything was
   * released.
   */
  private static final class Sum {
    long hits;
    double hitsVar;
    double hitsVar2;
    long delta;
    double deltaVar;
    double deltaVar2;
    boolean any;

    void add(ReleaseBlock.Entry e, Release r, Level level) {
      if (e.released()) {
        double v = variance(r.hitsScale(level));
        hits += e.hits();
        hitsVar += v;
        hitsVar2 += v * v;
        any = true;
      }
      if (e.deltaReleased()) {
        double v = variance(r.deltaScale(level));
        delta += e.delta();
        deltaVar += v;
        deltaVar2 += v * v;
        any = true;
      }
    }

    long shown() {
      return Math.max(0, hits);
    }

    long shownDelta() {
      return Math.max(0, delta);
    }
  }

  /**
   * The parts of an expected answer: each level per part by the rules, each sum over the area and
   * read dates.
   */
  private record Expected(
      Sum totals,
      Map<Integer, Sum> points,
      Map<String, Sum> stats,
      Map<String, Sum> timeline,
      boolean nullDelta,
      List<String> levels) {}

  private static boolean matches(
      ReleaseBlock.Entry e, Level level, Set<String> sbi, Set<Integer> act) {
    boolean sbiOk =
        sbi.isEmpty() || !(level == Level.SBI || level == Level.CELL) || sbi.contains(e.sbi());
    boolean actOk = act.isEmpty() || level != Level.CELL || act.contains(e.activity());
    return sbiOk && actOk;
  }

  private static Expected expect(
      int center, double r, List<LocalDate> dates, Set<String> sbi, Set<Integer> act) {
    Level totalsLevel = !act.isEmpty() ? Level.CELL : sbi.isEmpty() ? Level.TOTAL : Level.SBI;
    Level timelineLevel = act.isEmpty() && sbi.isEmpty() ? Level.HOUR : Level.CELL;
    Level statsLevel = !act.isEmpty() ? Level.CELL : Level.SBI;
    Sum totals = new Sum();
    Map<Integer, Sum> points = new TreeMap<>();
    Map<String, Sum> stats = new TreeMap<>();
    Map<String, Sum> timeline = new TreeMap<>();
    boolean nullDelta = false;
    for (LocalDate d : dates) {
      Generation g = CURRENT.get(d);
      if (g == null) {
        continue;
      }
      nullDelta |= g.baselineMissing();
      for (int h = 0; h < 24; h++) {
        timeline.put(d + "/" + String.format("%02d", h), new Sum());
      }
      for (int pc4 : area(center, r)) {
        Release row = WRITTEN.get(d).get(g.id()).get(pc4);
        if (row == null) {
          continue;
        }
        for (ReleaseBlock.Entry e : row.entries(totalsLevel)) {
          if (matches(e, totalsLevel, sbi, act)) {
            totals.add(e, row, totalsLevel);
            points.computeIfAbsent(pc4, k -> new Sum()).add(e, row, totalsLevel);
          }
        }
        for (ReleaseBlock.Entry e : row.entries(statsLevel)) {
          if (matches(e, statsLevel, sbi, act)) {
            stats.computeIfAbsent(e.sbi(), k -> new Sum()).add(e, row, statsLevel);
          }
        }
        for (ReleaseBlock.Entry e : row.entries(timelineLevel)) {
          if (matches(e, timelineLevel, sbi, act)) {
            timeline.get(d + "/" + String.format("%02d", e.hour())).add(e, row, timelineLevel);
          }
        }
      }
    }
    points.values().removeIf(s -> !s.any);
    stats.values().removeIf(s -> !s.any);
    List<String> levels =
        List.of(totalsLevel, totalsLevel, timelineLevel, statsLevel).stream()
            .map(l -> l.name().toLowerCase(java.util.Locale.ROOT))
            .toList();
    return new Expected(totals, points, stats, timeline, nullDelta, levels);
  }

  private static Double percentage(long hits, Long delta) {
    return delta == null || delta == 0
        ? null
        : Math.round((double) (hits - delta) / delta * 10_000.0) / 10_000.0;
  }

  /** The value, delta and margins of one part of the answer against one expected sum. */
  private static void assertSum(
      Sum e, boolean nullDelta, JsonNode a, String hitsField, String what) {
    assertEquals(e.shown(), a.get(hitsField).asLong(), what + " " + hitsField + ": " + a);
    assertEquals(
        moe(e.hitsVar, e.hitsVar2),
        a.get(hitsField + "_moe").asLong(),
        what + " " + hitsField + "_moe: " + a);
    if (nullDelta) {
      assertTrue(
          a.get("delta").isNull() && a.get("delta_moe").isNull(),
          what + " delta must be null: " + a);
      assertEquals("baseline_missing", a.get("delta_reason").asText(), what + ": " + a);
    } else {
      assertEquals(e.shownDelta(), a.get("delta").asLong(), what + " delta: " + a);
      assertEquals(
          moe(e.deltaVar, e.deltaVar2), a.get("delta_moe").asLong(), what + " delta_moe: " + a);
      assertTrue(a.get("delta_reason").isNull(), what + ": " + a);
    }
    if (a.has("percentage")) {
      Double p = percentage(e.shown(), nullDelta ? null : e.shownDelta());
      if (p == null) {
        assertTrue(a.get("percentage").isNull(), what + " percentage: " + a);
      } else {
        assertEquals(p, a.get("percentage").asDouble(), 1e-12, what + " percentage: " + a);
      }
    }
  }

  private static void assertAnswer(Expected e, JsonNode a) {
    assertSum(e.totals(), e.nullDelta(), a.get("totals"), "total", "totals");
    List<String> pointKeys = new ArrayList<>();
    for (JsonNode p : a.get("points")) {
      String pc = p.get("postcode").asText();
      pointKeys.add(pc);
      assertSum(e.points().get(Integer.parseInt(pc)), e.nullDelta(), p, "hits", "point " + pc);
      assertEquals(PLACES.get(Integer.parseInt(pc))[0], p.get("lat").asDouble());
    }
    assertEquals(e.points().keySet().stream().map(String::valueOf).toList(), pointKeys, "points");
    List<String> expectedSbiOrder =
        e.stats().entrySet().stream()
            .sorted(
                (x, y) ->
                    x.getValue().shown() != y.getValue().shown()
                        ? Long.compare(y.getValue().shown(), x.getValue().shown())
                        : x.getKey().compareTo(y.getKey()))
            .map(Map.Entry::getKey)
            .toList();
    List<String> sbiOrder = new ArrayList<>();
    for (JsonNode s : a.get("stats")) {
      String sbi = s.get("sbi").asText();
      sbiOrder.add(sbi);
      assertSum(e.stats().get(sbi), e.nullDelta(), s, "total", "stats " + sbi);
    }
    assertEquals(expectedSbiOrder, sbiOrder, "stats order");
    assertEquals(e.timeline().size(), a.get("timeline").size(), "timeline entries");
    for (JsonNode t : a.get("timeline")) {
      String date = t.get("date").asText();
      Sum exp = e.timeline().get(date + "/" + String.format("%02d", t.get("hour").asInt()));
      assertSum(exp, CURRENT.get(LocalDate.parse(date)).baselineMissing(), t, "hits", "timeline");
    }
    assertEquals(
        e.levels(),
        List.of(
            a.get("levels").get("totals").asText(),
            a.get("levels").get("points").asText(),
            a.get("levels").get("timeline").asText(),
            a.get("levels").get("stats").asText()),
        "levels");
  }

  // ---------------------------------------------------------------- HTTP

  private record Answer(int status, JsonNode body, long millis) {}

  private static Answer call(String pathAndQuery, String key) {
    return call("http://127.0.0.1:" + APP.getLocalPort() + pathAndQuery, key, true);
  }

  private static Answer call(String url, String key, boolean json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      return new Answer(r.statusCode(), json ? JSON.readTree(r.body()) : null, ms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode ok(String pathAndQuery) {
    Answer a = call(pathAndQuery, KEY);
    assertEquals(200, a.status(), pathAndQuery + " → " + a.body());
    return a.body();
  }

  // ---------------------------------------------------------------- tests

  @Test
  @Order(1)
  void selectsTheAreaByGreatCircleRadius() {
    for (double r : new double[] {0, 1, 2, 3, 10, 25}) {
      JsonNode a = ok("/api/1012/2013-01-08/" + r);
      List<String> expectedArea = area(1012, r).stream().map(String::valueOf).toList();
      assertEquals(
          expectedArea.toString().replace(" ", ""),
          a.get("postcodes").toString().replace("\"", ""),
          "r=" + r);
      assertAnswer(expect(1012, r, List.of(D8), Set.of(), Set.of()), a);
      assertEquals(G8, a.get("generations").get("2013-01-08").asLong());
      assertEquals(
          "{\"unit\":\"user-day\",\"epsilon\":1.0,\"delta\":1.0E-8,\"epsilon_over_dates\":1.0}",
          a.get("privacy").toString());
      assertEquals(
          SBIS.size(),
          a.get("stats").size(),
          "unfiltered, every catalogue SBI has a released value");
    }
    assertEquals(2, area(1012, 1).size(), "the 1 km area must hold 1012 and 1016");
    assertEquals(5, area(1012, 10).size(), "10 km reaches Zuidoost but not Utrecht");
  }

  @Test
  @Order(2)
  void answersSeveralDatesWithMissingAndBaselineMissingDates() throws IOException {
    // A raw ';' (a matrix-parameter separator to Jersey) as well as ',' and '%3B'.
    for (String dates :
        List.of(
            "2013-01-10;2013-01-09;2013-01-08",
            "2013-01-08,2013-01-09,2013-01-10,2013-01-08",
            "2013-01-08%3B2013-01-09%3B2013-01-10")) {
      JsonNode a = ok("/api/1017/" + dates + "/3");
      assertEquals(
          "[\"2013-01-08\",\"2013-01-09\",\"2013-01-10\"]", a.get("dates").toString(), dates);
      assertEquals("[\"2013-01-10\"]", a.get("missing_dates").toString());
      assertEquals(48, a.get("timeline").size());
      assertAnswer(expect(1017, 3, List.of(D8, D9), Set.of(), Set.of()), a);
      assertTrue(
          a.get("totals").get("delta").isNull(),
          "D9 has no baseline, so every sum over it has null delta");
      assertEquals("baseline_missing", a.get("totals").get("delta_reason").asText());
      assertTrue(a.get("timeline").get(24 + 5).get("delta").isNull(), "D9 timeline delta is null");
      assertTrue(a.get("timeline").get(5).get("delta").isNumber(), "D8 timeline delta is a number");
      assertEquals(
          "{\"2013-01-08\":" + G8 + ",\"2013-01-09\":" + G9 + "}", a.get("generations").toString());
      // The largest per-day guarantee, and what a user present on both dates could lose at most.
      assertEquals(
          "{\"unit\":\"user-day\",\"epsilon\":1.0,\"delta\":1.0E-8,\"epsilon_over_dates\":1.5}",
          a.get("privacy").toString());
    }
    JsonNode onlyMissing = ok("/api/1017/2013-02-01");
    assertEquals(
        "{\"total\":0,\"total_moe\":0,\"delta\":null,\"delta_moe\":null,\"percentage\":null,"
            + "\"delta_reason\":\"not_published\"}",
        onlyMissing.get("totals").toString());
    assertEquals(0, onlyMissing.get("timeline").size());
    assertTrue(onlyMissing.get("privacy").get("epsilon").isNull());
    // One real answer left for reading (the API contract's example): target/it-answers/.
    Path sample = Path.of("target", "it-answers", "1017-2013-01-08-3km.json");
    Files.createDirectories(sample.getParent());
    Files.writeString(
        sample,
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ok("/api/1017/2013-01-08/3")));
  }

  @Test
  @Order(3)
  void filtersBySbiAndActivity() {
    JsonNode a = ok("/api/1012/2013-01-08/25?sbi=4711");
    assertAnswer(expect(1012, 25, List.of(D8), Set.of("4711"), Set.of()), a);
    assertEquals(1, a.get("stats").size());
    assertEquals(
        "{\"totals\":\"sbi\",\"points\":\"sbi\",\"timeline\":\"cell\",\"stats\":\"sbi\"}",
        a.get("levels").toString());
    JsonNode b = ok("/api/1012/2013-01-08;2013-01-09/10?activity=2&activity=3&sbi=56&sbi=4771");
    assertAnswer(expect(1012, 10, List.of(D8, D9), Set.of("56", "4771"), Set.of(2, 3)), b);
    assertEquals("cell", b.get("levels").get("totals").asText());
    JsonNode c = ok("/api/1017/2013-01-08/25?activity=1");
    assertAnswer(expect(1017, 25, List.of(D8), Set.of(), Set.of(1)), c);
    long unfiltered = ok("/api/1012/2013-01-08/25").get("totals").get("total").asLong();
    assertTrue(
        a.get("totals").get("total").asLong() != unfiltered, "the SBI level answered, not TOTAL");
  }

  @Test
  @Order(4)
  void reducesPc6ToPc4() {
    assertEquals(
        ok("/api/1012/2013-01-08/2").toString(), ok("/api/1012%20ab/2013-01-08/2").toString());
    assertEquals(
        ok("/api/1012/2013-01-08/2").toString(), ok("/api/1012AB/2013-01-08/2").toString());
    JsonNode pc = ok("/api/postcodes/1016xy");
    assertEquals("Amsterdam Grachtengordel", pc.get("name").asText());
  }

  @Test
  @Order(5)
  void rejectsBadRequestsUnknownPostcodesAndMissingKeys() {
    for (String bad :
        List.of(
            "/api/0123/2013-01-08",
            "/api/1012/2013-1-8",
            "/api/1012/2013-01-08/25.5",
            "/api/1012/2013-01-08?sbi=1",
            "/api/1012/2013-01-08?activity=70000")) {
      Answer a = call(bad, KEY);
      assertEquals(400, a.status(), bad);
      assertEquals(400, a.body().get("code").asInt());
      assertEquals(2, a.body().size());
    }
    StringBuilder many = new StringBuilder("2013-01-01");
    for (int i = 2; i <= 32; i++) {
      many.append(';').append(LocalDate.parse("2013-01-01").plusDays(i - 1));
    }
    assertEquals(400, call("/api/1012/" + many, KEY).status());
    Answer unknown = call("/api/9999/2013-01-08", KEY);
    assertEquals(404, unknown.status());
    assertEquals("postcode 9999 is not in the gazetteer", unknown.body().get("message").asText());
    assertEquals(404, call("/api/no/such/thing/here", KEY).body().get("code").asInt());
    Answer noKey = call("/api/1012/2013-01-08", null);
    assertEquals(401, noKey.status());
    assertEquals(401, noKey.body().get("code").asInt());
    assertEquals(401, call("/api/sbi", "wrong-key").status());
  }

  @Test
  @Order(6)
  void listsPublishedDatesAndSbi() {
    JsonNode dates = ok("/api/dates");
    assertEquals(2, dates.size());
    assertEquals("2013-01-08", dates.get(0).get("date").asText());
    assertEquals(G8, dates.get(0).get("generation").asLong());
    assertEquals("[" + G8 + "," + G8_OLD + "]", dates.get(0).get("kept").toString());
    assertEquals(true, dates.get(1).get("baseline_missing").asBoolean());
    assertEquals(new8.hits(), dates.get(0).get("hits").asLong());
    assertEquals(EPSILON_D8, dates.get(0).get("epsilon").asDouble());
    assertEquals(EPSILON_D9, dates.get(1).get("epsilon").asDouble());
    assertEquals(1e-8, dates.get(1).get("delta").asDouble());
    assertEquals("{\"max_margin_share\":0.5}", ok("/api/settings").toString());
    JsonNode sbi = ok("/api/sbi");
    assertEquals("Clothing, shoes", sbi.get(1).get("label").asText());
  }

  @Test
  @Order(7)
  void flippingThePointerChangesTheAnswerWithoutRestart() throws Exception {
    String q = "/api/1012/2013-01-08/25";
    long before = ok(q).get("totals").get("total").asLong();
    try (Table t = HBASE.table()) {
      point(t, D8, old8, List.of(new8, old8)); // roll back to the older generation
    }
    JsonNode after = awaitGeneration(q, G8_OLD);
    assertAnswer(expect(1012, 25, List.of(D8), Set.of(), Set.of()), after);
    assertTrue(
        before != after.get("totals").get("total").asLong(), "the generations hold different data");
    // Both dates in one region scan: its time range spans G8_OLD..G9 and so holds the 8th's newer
    // generation G8 too, which must not be read.
    assertAnswer(
        expect(1012, 25, List.of(D8, D9), Set.of(), Set.of()),
        ok("/api/1012/2013-01-08,2013-01-09/25"));
    try (Table t = HBASE.table()) {
      point(t, D8, new8, List.of(new8, old8));
    }
    assertEquals(before, awaitGeneration(q, G8).get("totals").get("total").asLong());
  }

  private static JsonNode awaitGeneration(String q, long gen) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000; // the test config refreshes every 300 ms
    while (true) {
      JsonNode a = ok(q);
      if (a.get("generations").get("2013-01-08").asLong() == gen) {
        return a;
      }
      assertTrue(
          System.currentTimeMillis() < deadline,
          "pointer flip to " + gen + " not visible within 5 s");
      Thread.sleep(100);
    }
  }

  // HBase stopped and started again (503 within 2 s, health red, recovery without restart) is
  // reliability/HBaseOutageUnderLoadIT, under load, on the same shared mini-cluster.
}
