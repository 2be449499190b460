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
import nl.datapoints.schemas.PackedCell;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole read path over real parts: a published dataset written to an HBase mini-cluster with
 * real {@code Put}s and the schemas codecs, the real application over HTTP, answers checked against
 * sums computed here from the cells that were written.
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

  /**
   * The test gazetteer (same as it-ref/postcodes.csv), kept here to compute areas independently.
   */
  private static final Map<Integer, double[]> PLACES = new LinkedHashMap<>();

  private static final List<String> SBIS = List.of("4711", "56", "4771");

  static {
    PLACES.put(1012, new double[] {52.3731, 4.8922});
    PLACES.put(1016, new double[] {52.3730, 4.8830});
    PLACES.put(1017, new double[] {52.3625, 4.8900});
    PLACES.put(1091, new double[] {52.3560, 4.9170});
    PLACES.put(1102, new double[] {52.3110, 4.9470});
    PLACES.put(3511, new double[] {52.0907, 5.1214});
  }

  /** date → generation → pc4 → cells, exactly as written to HBase. */
  private static final Map<LocalDate, Map<Long, Map<Integer, List<PackedCell>>>> WRITTEN =
      new TreeMap<>();

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

  private static List<PackedCell> cells(long seed, boolean baseline) {
    Random r = new Random(seed);
    List<PackedCell> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    int n = 4 + r.nextInt(8);
    while (out.size() < n) {
      int hour = r.nextInt(24);
      int activity = 1 + r.nextInt(3);
      String sbi = SBIS.get(r.nextInt(SBIS.size()));
      if (keys.add(hour + "/" + activity + "/" + sbi)) {
        out.add(
            new PackedCell(
                hour, activity, sbi, r.nextInt(50), baseline ? (long) r.nextInt(40) : null));
      }
    }
    return out;
  }

  private static void writeGeneration(Table t, LocalDate date, long gen, boolean baseline) {
    Map<Integer, List<PackedCell>> rows = new TreeMap<>();
    for (int pc4 : PLACES.keySet()) {
      if (pc4 == 1091 && date.equals(D9)) {
        continue; // a postcode without any row on one date
      }
      List<PackedCell> cs = cells(gen * 31 + pc4, baseline);
      rows.put(pc4, cs);
      put(t, TestRows.row(date, pc4, gen, cs));
    }
    WRITTEN.computeIfAbsent(date, d -> new TreeMap<>()).put(gen, rows);
  }

  private static Generation generation(
      LocalDate date, long gen, long publishedAt, boolean baselineMissing) {
    long cells = 0;
    long hits = 0;
    for (List<PackedCell> cs : WRITTEN.get(date).get(gen).values()) {
      cells += cs.size();
      hits += cs.stream().mapToLong(PackedCell::hits).sum();
    }
    return new Generation(gen, publishedAt, baselineMissing, cells, hits);
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
    old8 = generation(D8, G8_OLD, G8_OLD + 5, false);
    new8 = generation(D8, G8, G8 + 5, false);
    point(t, D8, new8, List.of(new8, old8));
    Generation g9 = generation(D9, G9, G9 + 5, true);
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
   * Sums written at the current generations: [hits, delta] per key; delta null where a date lacks a
   * baseline.
   */
  private record Expected(
      long hits,
      Long delta,
      Map<Integer, long[]> points,
      Map<String, long[]> stats,
      Map<String, long[]> timeline) {}

  private static Expected expect(
      int center, double r, List<LocalDate> dates, Set<String> sbi, Set<Integer> act) {
    long hits = 0;
    long delta = 0;
    boolean nullDelta = false;
    Map<Integer, long[]> points = new TreeMap<>();
    Map<String, long[]> stats = new TreeMap<>();
    Map<String, long[]> timeline = new TreeMap<>();
    for (LocalDate d : dates) {
      Generation g = CURRENT.get(d);
      if (g == null) {
        continue;
      }
      nullDelta |= g.baselineMissing();
      for (int h = 0; h < 24; h++) {
        timeline.put(d + "/" + h, new long[2]);
      }
      for (int pc4 : area(center, r)) {
        for (PackedCell c : WRITTEN.get(d).get(g.id()).getOrDefault(pc4, List.of())) {
          if ((!sbi.isEmpty() && !sbi.contains(c.sbi()))
              || (!act.isEmpty() && !act.contains(c.activity()))) {
            continue;
          }
          long dl = c.delta() == null ? 0 : c.delta();
          hits += c.hits();
          delta += dl;
          add(points.computeIfAbsent(pc4, k -> new long[2]), c.hits(), dl);
          add(stats.computeIfAbsent(c.sbi(), k -> new long[2]), c.hits(), dl);
          add(timeline.get(d + "/" + c.hour()), c.hits(), dl);
        }
      }
    }
    points.values().removeIf(v -> v[0] == 0 && v[1] == 0);
    stats.values().removeIf(v -> v[0] == 0 && v[1] == 0);
    return new Expected(hits, nullDelta ? null : delta, points, stats, timeline);
  }

  private static void add(long[] sums, long hits, long delta) {
    sums[0] += hits;
    sums[1] += delta;
  }

  private static void assertAnswer(Expected e, JsonNode a, boolean anyNullDelta) {
    assertEquals(e.hits(), a.get("totals").get("total").asLong(), "total");
    if (e.delta() == null) {
      assertTrue(a.get("totals").get("delta").isNull(), "delta must be null: " + a.get("totals"));
      assertTrue(a.get("totals").get("percentage").isNull());
    } else {
      assertEquals(e.delta().longValue(), a.get("totals").get("delta").asLong(), "delta");
      if (e.delta() != 0) {
        assertEquals(
            (double) (e.hits() - e.delta()) / e.delta(),
            a.get("totals").get("percentage").asDouble(),
            1e-4);
      }
    }
    List<String> pointKeys = new ArrayList<>();
    for (JsonNode p : a.get("points")) {
      String pc = p.get("postcode").asText();
      pointKeys.add(pc);
      long[] exp = e.points().get(Integer.parseInt(pc));
      assertEquals(exp[0], p.get("hits").asLong(), "hits of " + pc);
      assertEquals(anyNullDelta, p.get("delta").isNull(), "delta of " + pc);
      assertEquals(PLACES.get(Integer.parseInt(pc))[0], p.get("lat").asDouble());
    }
    assertEquals(e.points().keySet().stream().map(String::valueOf).toList(), pointKeys, "points");
    List<String> expectedSbiOrder =
        e.stats().entrySet().stream()
            .sorted(
                (x, y) ->
                    x.getValue()[0] != y.getValue()[0]
                        ? Long.compare(y.getValue()[0], x.getValue()[0])
                        : x.getKey().compareTo(y.getKey()))
            .map(Map.Entry::getKey)
            .toList();
    List<String> sbiOrder = new ArrayList<>();
    for (JsonNode s : a.get("stats")) {
      sbiOrder.add(s.get("sbi").asText());
      assertEquals(e.stats().get(s.get("sbi").asText())[0], s.get("total").asLong());
    }
    assertEquals(expectedSbiOrder, sbiOrder, "stats order");
    assertEquals(e.timeline().size(), a.get("timeline").size(), "timeline entries");
    for (JsonNode t : a.get("timeline")) {
      long[] exp = e.timeline().get(t.get("date").asText() + "/" + t.get("hour").asInt());
      assertEquals(exp[0], t.get("hits").asLong(), "timeline " + t);
      if (!t.get("delta").isNull()) {
        assertEquals(exp[1], t.get("delta").asLong(), "timeline " + t);
      }
    }
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
      assertAnswer(expect(1012, r, List.of(D8), Set.of(), Set.of()), a, false);
      assertEquals(G8, a.get("generations").get("2013-01-08").asLong());
    }
    assertEquals(2, area(1012, 1).size(), "the 1 km area must hold 1012 and 1016");
    assertEquals(5, area(1012, 10).size(), "10 km reaches Zuidoost but not Utrecht");
  }

  @Test
  @Order(2)
  void answersSeveralDatesWithMissingAndBaselineMissingDates() {
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
      assertAnswer(expect(1017, 3, List.of(D8, D9), Set.of(), Set.of()), a, true);
      assertTrue(
          a.get("totals").get("delta").isNull(),
          "D9 has no baseline, so every sum over it has null delta");
      assertTrue(a.get("timeline").get(24 + 5).get("delta").isNull(), "D9 timeline delta is null");
      assertTrue(a.get("timeline").get(5).get("delta").isNumber(), "D8 timeline delta is a number");
      assertEquals(
          "{\"2013-01-08\":" + G8 + ",\"2013-01-09\":" + G9 + "}", a.get("generations").toString());
    }
    JsonNode onlyMissing = ok("/api/1017/2013-02-01");
    assertEquals(0, onlyMissing.get("totals").get("total").asLong());
    assertEquals(0, onlyMissing.get("timeline").size());
  }

  @Test
  @Order(3)
  void filtersBySbiAndActivity() {
    JsonNode a = ok("/api/1012/2013-01-08/25?sbi=4711");
    assertAnswer(expect(1012, 25, List.of(D8), Set.of("4711"), Set.of()), a, false);
    assertTrue(a.get("stats").size() <= 1);
    JsonNode b = ok("/api/1012/2013-01-08;2013-01-09/10?activity=2&activity=3&sbi=56&sbi=4771");
    assertAnswer(expect(1012, 10, List.of(D8, D9), Set.of("56", "4771"), Set.of(2, 3)), b, true);
    long unfiltered = ok("/api/1012/2013-01-08/25").get("totals").get("total").asLong();
    assertTrue(
        a.get("totals").get("total").asLong() < unfiltered, "the filter must remove something");
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
    assertAnswer(expect(1012, 25, List.of(D8), Set.of(), Set.of()), after, false);
    assertTrue(
        before != after.get("totals").get("total").asLong(), "the generations hold different data");
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
