package nl.datapoints.serving.e2e;

import static io.dropwizard.testing.ConfigOverride.config;
import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import nl.datapoints.serving.DatapointsApplication;
import nl.datapoints.serving.DatapointsConfiguration;
import nl.datapoints.testkit.Geo;
import nl.datapoints.testkit.ReferenceModel;
import nl.datapoints.testkit.ReferenceModel.CellKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole product: generated raw logs → the real pipeline (its own JVM, local MapReduce) → HFiles
 * bulk-loaded into an HBase mini-cluster → the real service over HTTP. Every answer is compared
 * with sums computed here from the raw lines by the independent {@link ReferenceModel} (k = 5
 * distinct users, delta from D-7) and a plain haversine over the gazetteer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineToApiIT {
  private static final LocalDate D1 = LocalDate.of(2013, 3, 4);
  private static final LocalDate D8 = D1.plusDays(7);
  private static final LocalDate D9 = D1.plusDays(8);
  private static final int K = 5;

  @RegisterExtension
  @org.junit.jupiter.api.Order(1)
  static final PublishedSample SAMPLE = new PublishedSample(D1.toString(), 9, 20_000);

  @RegisterExtension
  @org.junit.jupiter.api.Order(2)
  static final DropwizardAppExtension<DatapointsConfiguration> APP =
      new DropwizardAppExtension<>(
          DatapointsApplication.class,
          resourceFilePath("e2e-config.yml"),
          config("hbase.zookeeper", SAMPLE::quorum),
          config("referenceDir", () -> SAMPLE.ref().toString()));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ReferenceModel model;
  private static final Map<Integer, double[]> PLACES = new TreeMap<>();

  @BeforeAll
  static void model() throws IOException {
    model = new ReferenceModel(SAMPLE.ref());
    for (LocalDate d = D1; !d.isAfter(D9); d = d.plusDays(1)) {
      model.readPartition(SAMPLE.raw(), d);
    }
    List<String> lines = Files.readAllLines(SAMPLE.ref().resolve("postcodes.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      PLACES.put(
          Integer.parseInt(f[0]),
          new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
    }
  }

  private static JsonNode get(String pathAndQuery, int status) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + APP.getLocalPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), pathAndQuery + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  private static Set<Integer> area(int center, double km) {
    double[] c = PLACES.get(center);
    Set<Integer> out = new TreeSet<>();
    PLACES.forEach(
        (pc4, p) -> {
          if (pc4 == center || Geo.km(c[0], c[1], p[0], p[1]) <= km) {
            out.add(pc4);
          }
        });
    return out;
  }

  /** Expected sums over the area and dates: [hits, delta] per grouping key; delta -1 = null. */
  private record Expected(
      long hits,
      Long delta,
      Map<String, long[]> bySbi,
      Map<String, long[]> byHour,
      Map<Integer, long[]> byPc4) {}

  private static Expected expected(
      int center, double km, List<LocalDate> dates, Predicate<CellKey> filter) {
    Set<Integer> area = area(center, km);
    long hits = 0;
    long delta = 0;
    boolean nullDelta = false;
    Map<String, long[]> bySbi = new TreeMap<>();
    Map<String, long[]> byHour = new TreeMap<>();
    Map<Integer, long[]> byPc4 = new TreeMap<>();
    for (LocalDate d : dates) {
      boolean baseline = !d.minusDays(7).isBefore(D1);
      nullDelta |= !baseline;
      for (Map.Entry<CellKey, Long[]> e : model.expectedCells(d, K, baseline).entrySet()) {
        CellKey k = e.getKey();
        if (!area.contains(k.pc4()) || !filter.test(k)) {
          continue;
        }
        long h = e.getValue()[0];
        long dl = e.getValue()[1] == null ? 0 : e.getValue()[1];
        hits += h;
        delta += dl;
        add(bySbi, k.sbi(), h, dl);
        add(byHour, d + "/" + k.hour(), h, dl);
        add(byPc4, k.pc4(), h, dl);
      }
    }
    return new Expected(hits, nullDelta ? null : delta, bySbi, byHour, byPc4);
  }

  private static <K> void add(Map<K, long[]> m, K key, long h, long d) {
    long[] v = m.computeIfAbsent(key, x -> new long[2]);
    v[0] += h;
    v[1] += d;
  }

  private static void assertAnswer(
      JsonNode r, int center, double km, List<LocalDate> dates, Predicate<CellKey> filter) {
    Expected e = expected(center, km, dates, filter);
    assertTrue(e.hits > 0 || km < 1, "the query covers published hits");
    List<String> area = area(center, km).stream().map(String::valueOf).toList();
    List<String> got = new ArrayList<>();
    r.get("postcodes").forEach(n -> got.add(n.asText()));
    assertEquals(area, got, "area of " + center + " within " + km + " km");
    assertEquals(e.hits, r.get("totals").get("total").asLong(), "total");
    assertEquals(
        e.delta == null,
        r.get("totals").get("delta").isNull(),
        "delta null iff a date has no baseline");
    if (e.delta != null) {
      assertEquals(e.delta.longValue(), r.get("totals").get("delta").asLong(), "delta");
    }
    Map<String, long[]> stats = new HashMap<>();
    r.get("stats")
        .forEach(
            s ->
                stats.put(
                    s.get("sbi").asText(),
                    new long[] {
                      s.get("total").asLong(),
                      s.get("delta").isNull() ? -1 : s.get("delta").asLong()
                    }));
    Map<String, long[]> expectedStats = new HashMap<>();
    e.bySbi.forEach(
        (sbi, v) -> {
          if (v[0] > 0 || v[1] > 0) {
            expectedStats.put(sbi, new long[] {v[0], e.delta == null ? -1 : v[1]});
          }
        });
    assertEquals(expectedStats.keySet(), stats.keySet(), "SBI codes in stats");
    expectedStats.forEach(
        (sbi, v) ->
            assertEquals(
                List.of(v[0], v[1]),
                List.of(stats.get(sbi)[0], stats.get(sbi)[1]),
                "stats " + sbi));
    assertEquals(dates.size() * 24, r.get("timeline").size(), "timeline: every date x hour");
    for (JsonNode t : r.get("timeline")) {
      long[] v =
          e.byHour.getOrDefault(t.get("date").asText() + "/" + t.get("hour").asInt(), new long[2]);
      assertEquals(v[0], t.get("hits").asLong(), "timeline hits " + t);
    }
    Map<Integer, Long> points = new TreeMap<>();
    r.get("points").forEach(p -> points.put(p.get("postcode").asInt(), p.get("hits").asLong()));
    Map<Integer, Long> expectedPoints = new TreeMap<>();
    e.byPc4.forEach(
        (pc4, v) -> {
          if (v[0] > 0 || v[1] > 0) {
            expectedPoints.put(pc4, v[0]);
          }
        });
    assertEquals(expectedPoints, points, "points");
  }

  @Test
  @Order(1)
  void hardestQueryOverAWeekMatchesTheRawEvents() throws Exception {
    List<LocalDate> week = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      week.add(D1.plusDays(2 + i));
    }
    String dates =
        String.join(";", week.stream().map(LocalDate::toString).toList()).replace(";", "%3B");
    JsonNode r = get("/api/1012/" + dates + "/10", 200);
    assertAnswer(r, 1012, 10, week, k -> true);
    assertTrue(
        r.get("postcodes").size() >= 80, "a 10 km radius around central Amsterdam holds ~100 pc4s");
  }

  @Test
  @Order(2)
  void radiiFromZeroToFiveKilometres() throws Exception {
    for (double km : new double[] {0, 1, 2.5, 5}) {
      JsonNode r = get("/api/1012/" + D8 + "/" + km, 200);
      assertAnswer(r, 1012, km, List.of(D8), k -> true);
    }
  }

  @Test
  @Order(3)
  void dateWithoutBaselineHasNullDeltaAndMissingDateIsListed() throws Exception {
    JsonNode r = get("/api/1012/" + D1 + "," + D9 + ",2013-01-01/3", 200);
    assertEquals("[\"2013-01-01\"]", r.get("missing_dates").toString());
    assertTrue(r.get("totals").get("delta").isNull());
    assertAnswer(r, 1012, 3, List.of(D1, D9), k -> true);
  }

  @Test
  @Order(4)
  void sbiAndActivityFiltersMatch() throws Exception {
    JsonNode r = get("/api/1012/" + D8 + "/5?sbi=4711&sbi=5610", 200);
    assertAnswer(r, 1012, 5, List.of(D8), k -> k.sbi().equals("4711") || k.sbi().equals("5610"));
    JsonNode a = get("/api/1012/" + D8 + "/5?activity=1", 200);
    assertAnswer(a, 1012, 5, List.of(D8), k -> k.activity() == 1);
  }

  @Test
  @Order(5)
  void pc6InputIsReducedToPc4() throws Exception {
    JsonNode r = get("/api/1012%20ab/" + D8 + "/2", 200);
    assertEquals("1012", r.get("postcode").asText());
    assertAnswer(r, 1012, 2, List.of(D8), k -> true);
    assertFalse(
        r.toString().toUpperCase().contains("1012AB")
            || r.toString().toUpperCase().contains("1012 AB"));
  }

  @Test
  @Order(6)
  void errorsAreJson() throws Exception {
    assertEquals(404, get("/api/9999/" + D8, 404).get("code").asInt());
    assertEquals(400, get("/api/12345/" + D8, 400).get("code").asInt());
    assertEquals(400, get("/api/1012/2013-13-01", 400).get("code").asInt());
    assertEquals(400, get("/api/1012/" + D8 + "/26", 400).get("code").asInt());
  }

  @Test
  @Order(7)
  void rollbackAndRepublishAreServedWithoutRestart() throws Exception {
    JsonNode before = get("/api/1012/" + D8 + "/5", 200);
    long g1 = before.get("generations").get(D8.toString()).asLong();
    SAMPLE.etl(SAMPLE.pipeline("publish", "--date", D8.toString()));
    JsonNode republished = waitForGeneration(D8, g -> g != g1);
    long g2 = republished.get("generations").get(D8.toString()).asLong();
    assertNotEquals(g1, g2);
    assertEquals(
        before.get("totals").toString(),
        republished.get("totals").toString(),
        "same data, new generation");
    SAMPLE.etl(
        "rollback",
        "--date",
        D8.toString(),
        "--zookeeper",
        SAMPLE.quorum(),
        "--table",
        PublishedSample.TABLE);
    JsonNode rolledBack = waitForGeneration(D8, g -> g == g1);
    assertEquals(before.get("totals").toString(), rolledBack.get("totals").toString());
    JsonNode dates = get("/api/dates", 200);
    assertTrue(
        dates.toString().contains(Long.toString(g2)),
        "the rolled-back generation is still kept: " + dates);
  }

  private static JsonNode waitForGeneration(LocalDate d, java.util.function.LongPredicate ok)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      JsonNode r = get("/api/1012/" + d + "/5", 200);
      if (ok.test(r.get("generations").get(d.toString()).asLong())) {
        return r;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the service did not follow the pointer of "
                + d
                + " within 20 s: "
                + r.get("generations"));
      }
      Thread.sleep(200);
    }
  }
}
