package nl.datapoints.serving;

import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.datapoints.endpoint.AreaSums;
import nl.datapoints.schemas.Level;
import nl.datapoints.serving.api.AreaAnswer;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.Gazetteer;
import nl.datapoints.serving.core.Place;
import nl.datapoints.serving.core.QueryParser;
import nl.datapoints.serving.core.QueryService;
import nl.datapoints.serving.core.ReferenceLoader;
import nl.datapoints.serving.core.SbiCatalog;
import nl.datapoints.serving.db.HBaseCellStore;
import nl.datapoints.serving.db.HBaseFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sums next to the data give the answers the service's own sums of the scanned rows give, on a
 * table split into regions inside a date and between dates, with several generations per date, a
 * postcode without a row and a row of a number no postcode4 has ({@link DatapointsIT#seed}, whose
 * answers DatapointsIT checks against values computed by hand); and a table whose regions have no
 * endpoint is answered by scans, the endpoint asked again only after a while.
 */
class RegionSumsIT {
  private static final String SPLIT = "region_sums_it";
  private static final String PLAIN = "region_sums_plain_it";

  @RegisterExtension
  @Order(1)
  static final MiniHBase WITH_ENDPOINT =
      new MiniHBase(
          SPLIT,
          new byte[][] {key("201301081016"), key("201301090000"), key("201301091091")},
          DatapointsIT::seed);

  @RegisterExtension
  @Order(2)
  static final MiniHBase WITHOUT_ENDPOINT =
      new MiniHBase(PLAIN, new byte[0][], DatapointsIT::seed, false);

  private static final MetricRegistry SUMMED = new MetricRegistry();
  private static final MetricRegistry SCANNED = new MetricRegistry();
  private static final MetricRegistry NO_ENDPOINT = new MetricRegistry();
  private static final MetricRegistry GROUPED = new MetricRegistry();
  private static HBaseCellStore summed;
  private static HBaseCellStore scanned;
  private static HBaseCellStore noEndpoint;
  private static HBaseCellStore grouped;
  private static Gazetteer gazetteer;
  private static SbiCatalog catalog;

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.US_ASCII);
  }

  private static HBaseCellStore store(String table, boolean regionSums, MetricRegistry m) {
    return store(table, regionSums, 1, m);
  }

  private static HBaseCellStore store(
      String table, boolean regionSums, int callsPerQuery, MetricRegistry m) {
    HBaseFactory f = new HBaseFactory();
    f.setScansPerQuery(callsPerQuery);
    f.setZookeeper(WITH_ENDPOINT.quorum());
    f.setTable(table);
    f.setRegionSums(regionSums);
    HBaseCellStore s = f.build(m, gazetteer.pc4s());
    s.start();
    return s;
  }

  @BeforeAll
  static void stores() {
    Path ref = Path.of(resourceFilePath("it-ref"));
    gazetteer = ReferenceLoader.gazetteer(ref);
    catalog = ReferenceLoader.sbi(ref);
    summed = store(SPLIT, true, SUMMED);
    scanned = store(SPLIT, false, SCANNED);
    noEndpoint = store(PLAIN, true, NO_ENDPOINT);
    grouped = store(SPLIT, true, 2, GROUPED);
  }

  @AfterAll
  static void stop() throws Exception {
    for (HBaseCellStore s : List.of(summed, scanned, noEndpoint, grouped)) {
      s.stop();
    }
  }

  private static QueryService queries(CellStore store) {
    return new QueryService(gazetteer, catalog, store, new QueryParser(31, 50), null);
  }

  private static long calls(MetricRegistry m, String what) {
    return m.timer(MetricRegistry.name(HBaseCellStore.class, what)).getCount();
  }

  /** Postcode, dates, radius, sbi filter, activity filter. */
  private record Query(
      String pc, String dates, String radius, List<String> sbi, List<String> act) {}

  private static final List<Query> QUERIES =
      List.of(
          // 1012..1102 in one run, over the stray row 1050 and the region split at 1016.
          new Query("1012", "2013-01-08", "10", List.of(), List.of()),
          new Query("1012", "2013-01-08,2013-01-09", "10", List.of(), List.of()),
          new Query("1017AB", "2013-01-08,2013-01-09", "1", List.of(), List.of()),
          // Utrecht and Amsterdam: two runs, the scanner seeks over the gap.
          new Query("3511", "2013-01-08,2013-01-09", "40", List.of(), List.of()),
          new Query("1012", "2013-01-08,2013-01-09", "10", List.of("4711", "56"), List.of()),
          new Query("1012", "2013-01-09", "10", List.of("4771"), List.of("2")),
          new Query("1091", "2013-01-08,2013-01-09", "25", List.of("0999"), List.of()),
          new Query("1102", "2013-01-07,2013-01-08", "5", List.of(), List.of("1", "3")));

  @Test
  void regionSumsAnswerExactlyAsTheRowsScannedAndSummedHere() {
    QueryService bySums = queries(summed);
    QueryService byScans = queries(scanned);
    QueryService byGroups = queries(grouped);
    for (Query q : QUERIES) {
      long before = calls(SUMMED, "sum");
      AreaAnswer a = bySums.area(q.pc, q.dates, q.radius, q.sbi, q.act);
      AreaAnswer b = byScans.area(q.pc, q.dates, q.radius, q.sbi, q.act);
      assertEquals(b, a, "answer of " + q);
      assertEquals(
          b,
          byGroups.area(q.pc, q.dates, q.radius, q.sbi, q.act),
          "answer of " + q + ", its dates asked for in two groups at once");
      assertEquals(before + 1, calls(SUMMED, "sum"), "summed in the regions: " + q);
      assertTrue(b.totals().total() > 0 || !q.sbi.isEmpty(), "the query finds data: " + q);
    }
    assertEquals(0, calls(SUMMED, "read"), "nothing scanned when the regions sum");
    assertEquals(0, calls(SCANNED, "sum"), "hbase.regionSums false never asks the regions");
    assertEquals(QUERIES.size(), calls(SCANNED, "read"));
    assertEquals(QUERIES.size(), calls(GROUPED, "sum"));
    assertEquals(0, calls(GROUPED, "read"));
  }

  @Test
  void withoutTheEndpointQueriesScanAndTheRegionsAreAskedAgainOnlyLater() {
    QueryService bySums = queries(summed);
    QueryService fallback = queries(noEndpoint);
    for (Query q : QUERIES) {
      assertEquals(
          bySums.area(q.pc, q.dates, q.radius, q.sbi, q.act),
          fallback.area(q.pc, q.dates, q.radius, q.sbi, q.act),
          "answer of " + q);
    }
    assertEquals(1, calls(NO_ENDPOINT, "sum"), "asked once, then not again within the minute");
    assertEquals(QUERIES.size(), calls(NO_ENDPOINT, "read"));
  }

  @Test
  void aStoreWithoutRegionSumsSaysSoToTheQuery() {
    AreaSums sums =
        new AreaSums(
            new AreaSums.Spec(
                Level.TOTAL,
                Level.TOTAL,
                Level.HOUR,
                Level.SBI,
                true,
                false,
                false,
                new int[0],
                new int[0]),
            1,
            1);
    List<CellStore.DatedGeneration> dates =
        List.of(
            new CellStore.DatedGeneration(
                java.time.LocalDate.parse("2013-01-09"),
                scanned.published().current(java.time.LocalDate.parse("2013-01-09")).id()));
    assertFalse(scanned.sum(dates, new int[] {1012}, sums));
    assertEquals(0, sums.blocks(), "nothing added when the store does not sum");
    assertTrue(summed.sum(dates, new int[] {1012}, sums));
    assertEquals(1, sums.blocks(), "the one row of 1012 on 2013-01-09");
    Place p = gazetteer.find(1012).orElseThrow();
    assertEquals(1012, p.pc4());
  }
}
