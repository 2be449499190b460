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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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
 * The whole product: generated raw logs (plus one planted heavy user) → the real pipeline (its own
 * JVM, local MapReduce, fixed secrets) → the differentially private release bulk-loaded into an
 * HBase mini-cluster → the real service over HTTP.
 *
 * <p>What is not noised is checked exactly against the independent {@link ReferenceModel} and a
 * plain haversine: areas, dates, missing dates, levels, the guarantee, deltas' presence, errors,
 * generations, ordering. Noised numbers are checked against the model's exact sums within their
 * stated margins plus the bounding slack (the events the per-user-day cap removes, which the margin
 * does not cover): every total, and at least 90% of the timeline hours, points and SBI stats. With
 * fixed secrets the noise is a fixed function of the data, so the checks are deterministic. The
 * end-to-end part of the attack harness (docs/privacy.md §5): the planted user's 3,000 events do
 * not show, repeated queries return identical bytes, and a ring difference is exactly the sum of
 * the released values of the ring (post-processing, nothing more).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineToApiIT {
  private static final LocalDate D1 = LocalDate.of(2013, 3, 4);
  private static final LocalDate D8 = D1.plusDays(7);
  private static final LocalDate D9 = D1.plusDays(8);

  /** The release's default cap of events per user-day. */
  private static final int MAX_EVENTS = 10;

  /** The planted user: this many events in 1012 at 13:00 on D8. */
  private static final int HEAVY_EVENTS = 3000;

  @RegisterExtension
  @org.junit.jupiter.api.Order(1)
  static final PublishedSample SAMPLE =
      new PublishedSample(D1.toString(), 9, 20_000).beforePipeline(PipelineToApiIT::plantHeavyUser);

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

  /** One user with {@link #HEAVY_EVENTS} events in one cell of 1012 on D8, in the raw logs. */
  static void plantHeavyUser(PublishedSample s) {
    try {
      List<String> merchants = Files.readAllLines(s.ref().resolve("merchants.csv"));
      String merchant = merchants.get(1).split(",")[0];
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < HEAVY_EVENTS; i++) {
        lines.append(
            String.format(
                "%sT13:%02d:%02d+01:00\theavy-user\t-\t1012AB\t%s\t1%n",
                D8, (i / 60) % 60, i % 60, merchant));
      }
      Files.writeString(s.raw().resolve("dt=" + D8).resolve("zz-heavy-user.tsv"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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

  private static String body(String pathAndQuery, int status) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + APP.getLocalPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), pathAndQuery + " -> " + r.body());
    return r.body();
  }

  private static JsonNode get(String pathAndQuery, int status) throws Exception {
    return JSON.readTree(body(pathAndQuery, status));
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

  private static boolean hasBaseline(LocalDate d) {
    return !d.minusDays(7).isBefore(D1);
  }

  /** What the events the cap removes can take away from any sum over {@code dates}, at most. */
  private static long slack(List<LocalDate> dates) {
    return dates.stream().mapToLong(d -> model.eventsDropped(d, MAX_EVENTS)).sum();
  }

  /** The exact (unbounded) sums of the raw events over an area and dates. */
  private record Truth(
      long hits, Map<String, Long> bySbi, Map<String, Long> byHour, Map<Integer, Long> byPc4) {}

  private static Truth truth(Set<Integer> area, List<LocalDate> dates, Predicate<CellKey> filter) {
    long hits = 0;
    Map<String, Long> bySbi = new TreeMap<>();
    Map<String, Long> byHour = new TreeMap<>();
    Map<Integer, Long> byPc4 = new TreeMap<>();
    for (LocalDate d : dates) {
      for (Map.Entry<CellKey, Long> e : model.hits.getOrDefault(d, Map.of()).entrySet()) {
        CellKey k = e.getKey();
        if (area.contains(k.pc4()) && filter.test(k)) {
          hits += e.getValue();
          bySbi.merge(k.sbi(), e.getValue(), Long::sum);
          byHour.merge(d + "/" + k.hour(), e.getValue(), Long::sum);
          byPc4.merge(k.pc4(), e.getValue(), Long::sum);
        }
      }
    }
    return new Truth(hits, bySbi, byHour, byPc4);
  }

  /** |shown − true| within the margin plus the bounding slack. */
  private static boolean within(long shown, long moe, long truth, long slack) {
    return Math.abs(shown - truth) <= moe + slack;
  }

  private static void assertMostWithin(String what, List<Boolean> ok) {
    long in = ok.stream().filter(b -> b).count();
    assertTrue(
        ok.isEmpty() || in >= 0.9 * ok.size(),
        what + ": only " + in + " of " + ok.size() + " within their margin (+ bounding slack)");
  }

  /**
   * Checks an unfiltered or SBI-filtered answer: exact structure, totals within their margins, at
   * least 90% of hours, points and SBI stats within theirs. {@code cellTimeline}: the timeline
   * comes from the CELL level, a lower bound.
   */
  private static void assertAnswer(
      JsonNode r,
      int center,
      double km,
      List<LocalDate> dates,
      Predicate<CellKey> filter,
      String totalsLevel,
      String timelineLevel) {
    Set<Integer> area = area(center, km);
    List<String> got = new ArrayList<>();
    r.get("postcodes").forEach(n -> got.add(n.asText()));
    assertEquals(
        area.stream().map(String::valueOf).toList(),
        got,
        "area of " + center + " within " + km + " km");
    assertEquals(totalsLevel, r.get("levels").get("totals").asText());
    assertEquals(totalsLevel, r.get("levels").get("points").asText());
    assertEquals(timelineLevel, r.get("levels").get("timeline").asText());
    JsonNode p = r.get("privacy");
    assertEquals("user-day", p.get("unit").asText());
    assertEquals(1.0, p.get("epsilon").asDouble());
    assertEquals(1e-8, p.get("delta").asDouble());
    assertEquals(dates.size() * 1.0, p.get("epsilon_over_dates").asDouble(), 1e-9);

    Truth t = truth(area, dates, filter);
    long slack = slack(dates);
    JsonNode totals = r.get("totals");
    assertTrue(t.hits > 0, "the query covers events");
    assertTrue(
        within(totals.get("total").asLong(), totals.get("total_moe").asLong(), t.hits, slack),
        "total " + totals + " vs true " + t.hits + " (slack " + slack + ")");
    boolean baseline = dates.stream().allMatch(PipelineToApiIT::hasBaseline);
    assertEquals(!baseline, totals.get("delta").isNull(), "delta null iff a date has no baseline");
    if (baseline) {
      List<LocalDate> week = dates.stream().map(d -> d.minusDays(7)).toList();
      Truth w = truth(area, week, filter);
      assertTrue(
          within(
              totals.get("delta").asLong(), totals.get("delta_moe").asLong(), w.hits, slack(week)),
          "delta " + totals + " vs true " + w.hits);
      assertTrue(totals.get("delta_reason").isNull());
    } else {
      assertEquals("baseline_missing", totals.get("delta_reason").asText());
      assertTrue(totals.get("delta_moe").isNull());
    }

    assertEquals(dates.size() * 24, r.get("timeline").size(), "timeline: every date x hour");
    List<Boolean> hours = new ArrayList<>();
    for (JsonNode h : r.get("timeline")) {
      long truthHour =
          t.byHour.getOrDefault(h.get("date").asText() + "/" + h.get("hour").asInt(), 0L);
      long shown = h.get("hits").asLong();
      long moe = h.get("hits_moe").asLong();
      if (timelineLevel.equals("cell")) {
        assertTrue(
            shown <= truthHour + moe,
            "a CELL-level hour is a lower bound: " + h + " vs " + truthHour);
      } else {
        hours.add(within(shown, moe, truthHour, slack));
      }
    }
    assertMostWithin("timeline hours", hours);

    Set<Integer> points = new TreeSet<>();
    List<Boolean> pointsOk = new ArrayList<>();
    for (JsonNode pt : r.get("points")) {
      int pc4 = pt.get("postcode").asInt();
      points.add(pc4);
      pointsOk.add(
          within(
              pt.get("hits").asLong(),
              pt.get("hits_moe").asLong(),
              t.byPc4.getOrDefault(pc4, 0L),
              slack));
    }
    if (totalsLevel.equals("total")) {
      assertEquals(area, points, "every pc4 of the area has a released TOTAL");
    }
    assertMostWithin("points", pointsOk);

    Set<String> sbis = new HashSet<>();
    List<Boolean> statsOk = new ArrayList<>();
    long previous = Long.MAX_VALUE;
    for (JsonNode s : r.get("stats")) {
      sbis.add(s.get("sbi").asText());
      long shown = s.get("total").asLong();
      assertTrue(shown <= previous, "stats by total, descending");
      previous = shown;
      statsOk.add(
          within(
              shown,
              s.get("total_moe").asLong(),
              t.bySbi.getOrDefault(s.get("sbi").asText(), 0L),
              slack));
    }
    if (totalsLevel.equals("total")) {
      assertEquals(
          model.sbiDomain(), new TreeSet<>(sbis), "every SBI of the domain has released values");
    }
    assertMostWithin("SBI stats", statsOk);
  }

  private static String dates(List<LocalDate> dates) {
    return String.join("%3B", dates.stream().map(LocalDate::toString).toList());
  }

  @Test
  @Order(1)
  void hardestQueryOverAWeekMatchesTheRawEventsWithinItsMargins() throws Exception {
    List<LocalDate> week = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      week.add(D1.plusDays(2 + i));
    }
    JsonNode r = get("/api/1012/" + dates(week) + "/10", 200);
    assertAnswer(r, 1012, 10, week, k -> true, "total", "hour");
    assertTrue(
        r.get("postcodes").size() >= 80, "a 10 km radius around central Amsterdam holds ~100 pc4s");
  }

  @Test
  @Order(2)
  void radiiFromZeroToFiveKilometres() throws Exception {
    for (double km : new double[] {0, 1, 2.5, 5}) {
      JsonNode r = get("/api/1012/" + D9 + "/" + km, 200);
      assertAnswer(r, 1012, km, List.of(D9), k -> true, "total", "hour");
    }
  }

  @Test
  @Order(3)
  void dateWithoutBaselineHasNullDeltaAndMissingDateIsListed() throws Exception {
    JsonNode r = get("/api/1012/" + D1 + "," + D9 + ",2013-01-01/3", 200);
    assertEquals("[\"2013-01-01\"]", r.get("missing_dates").toString());
    assertTrue(r.get("totals").get("delta").isNull());
    assertAnswer(r, 1012, 3, List.of(D1, D9), k -> true, "total", "hour");
    JsonNode none = get("/api/1012/2013-01-01/3", 200);
    assertEquals("not_published", none.get("totals").get("delta_reason").asText());
    assertTrue(none.get("privacy").get("epsilon").isNull());
  }

  @Test
  @Order(4)
  void filtersAreAnsweredFromTheFinestLevelThatAnswersThem() throws Exception {
    JsonNode r = get("/api/1012/" + D9 + "/5?sbi=4711&sbi=5610", 200);
    assertAnswer(
        r,
        1012,
        5,
        List.of(D9),
        k -> k.sbi().equals("4711") || k.sbi().equals("5610"),
        "sbi",
        "cell");
    JsonNode a = get("/api/1012/" + D9 + "/5?activity=1", 200);
    assertEquals("cell", a.get("levels").get("totals").asText());
    long truth = truth(area(1012, 5), List.of(D9), k -> k.activity() == 1).hits;
    JsonNode t = a.get("totals");
    assertTrue(
        t.get("total").asLong() <= truth + t.get("total_moe").asLong(),
        "a CELL-level total is a lower bound: " + t + " vs " + truth);
  }

  @Test
  @Order(5)
  void theHeavyUsersThousandsOfEventsDoNotShow() throws Exception {
    JsonNode report =
        JSON.readTree(SAMPLE.warehouse().resolve("reports/dt=" + D8 + "/latest.json").toFile());
    JsonNode bounding = report.get("bounding");
    assertTrue(bounding.get("users_touched").asLong() >= 1, report.toString());
    assertTrue(
        bounding.get("events_dropped").asLong() >= HEAVY_EVENTS - MAX_EVENTS, bounding.toString());
    JsonNode totals = get("/api/1012/" + D8 + "/0", 200).get("totals");
    long truth = truth(Set.of(1012), List.of(D8), k -> true).hits;
    long others = slack(List.of(D8)) - (HEAVY_EVENTS - MAX_EVENTS);
    long total = totals.get("total").asLong();
    assertTrue(
        Math.abs(total - (truth - HEAVY_EVENTS + MAX_EVENTS))
            <= totals.get("total_moe").asLong() + others,
        "1012 on D8 shows the others and at most "
            + MAX_EVENTS
            + " of the heavy user's events: "
            + totals
            + ", true "
            + truth
            + " with the heavy user");
    assertTrue(
        total < truth - HEAVY_EVENTS / 2,
        "the heavy user's volume does not show: " + total + " vs " + truth);
  }

  @Test
  @Order(6)
  void repeatingAQueryReturnsIdenticalBytesAndARingIsTheSumOfItsReleasedValues() throws Exception {
    String q = "/api/1012/" + dates(List.of(D8, D9)) + "/10";
    String first = body(q, 200);
    for (int i = 0; i < 10; i++) {
      assertEquals(first, body(q, 200), "repetition gives nothing to average");
    }
    JsonNode inner = get("/api/1012/" + D9 + "/1", 200);
    JsonNode outer = get("/api/1012/" + D9 + "/2", 200);
    // A point shows max(0, its released TOTAL): the ring's released values sum to exactly the
    // totals' difference; shown points are that sum where none is negative, and a point shown as 0
    // hides at most a few margins of a negative value.
    long ring = 0;
    long hidden = 0;
    for (JsonNode p : outer.get("points")) {
      if (!area(1012, 1).contains(p.get("postcode").asInt())) {
        ring += p.get("hits").asLong();
        hidden += p.get("hits").asLong() == 0 ? 3 * p.get("hits_moe").asLong() : 0;
      }
    }
    long difference =
        outer.get("totals").get("total").asLong() - inner.get("totals").get("total").asLong();
    assertTrue(
        ring >= difference && ring <= difference + hidden,
        "the ring difference "
            + difference
            + " is its pc4s' released totals (shown "
            + ring
            + ", up to "
            + hidden
            + " hidden below 0)");
    if (hidden == 0) {
      assertEquals(
          difference, ring, "no point of the ring is below 0: exactly its released totals");
    }
  }

  @Test
  @Order(7)
  void pc6InputIsReducedToPc4() throws Exception {
    JsonNode r = get("/api/1012%20ab/" + D9 + "/2", 200);
    assertEquals("1012", r.get("postcode").asText());
    assertAnswer(r, 1012, 2, List.of(D9), k -> true, "total", "hour");
    assertFalse(
        r.toString().toUpperCase().contains("1012AB")
            || r.toString().toUpperCase().contains("1012 AB"));
  }

  @Test
  @Order(8)
  void errorsAreJson() throws Exception {
    assertEquals(404, get("/api/9999/" + D8, 404).get("code").asInt());
    assertEquals(400, get("/api/12345/" + D8, 400).get("code").asInt());
    assertEquals(400, get("/api/1012/2013-13-01", 400).get("code").asInt());
    assertEquals(400, get("/api/1012/" + D8 + "/26", 400).get("code").asInt());
  }

  @Test
  @Order(9)
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
        "same release, new generation");
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
    assertTrue(
        dates.get(0).get("epsilon").asDouble() == 1.0,
        "each date states its guarantee: " + dates.get(0));
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
