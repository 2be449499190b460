package nl.datapoints.etl.publish;

import static nl.datapoints.etl.publish.ReleaseFixtures.cell;
import static nl.datapoints.etl.publish.ReleaseFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.datapoints.etl.common.RunReport;
import nl.datapoints.etl.e2e.ReleaseChecks.Row;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.apache.hadoop.hbase.StartMiniClusterOption;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publish → read back → republish → rollback → failed flip, against an HBase mini-cluster, from
 * release fixtures ({@code release/dt=D}: released values and the manifest the release stage
 * writes): every row must decode to exactly the fixture's values, and every generation carries the
 * manifest's guarantee.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublisherIT {
  private static final LocalDate D1 = LocalDate.of(2013, 1, 8);
  private static final LocalDate D2 = LocalDate.of(2013, 1, 9);
  private static final String TABLE = "publish_it";
  private static final long G1 = 1_700_000_000_001L;
  private static final long G2 = 1_700_000_000_002L;
  private static final long G3 = 1_700_000_000_003L;
  private static final long G4 = 1_700_000_000_004L;

  private static HBaseTestingUtility util;
  private static Connection connection;
  private static String zookeeper;

  @TempDir static Path tmp;
  private static Path warehouse;

  private static final List<ReleasedValue> D1_VALUES =
      List.of(
          value(D1, 1012, Level.TOTAL, null, null, 120, null),
          value(D1, 1012, Level.HOUR, 0, null, 7, null),
          value(D1, 1012, Level.HOUR, 13, null, 14, null),
          value(D1, 1012, Level.SBI, null, "4711", 12, null),
          value(D1, 1012, Level.SBI, null, "56", -9, null),
          cell(D1, 1012, 13, 1, "4711", true, 5, null, false),
          cell(D1, 1012, 0, 1, "4711", true, 7, null, false),
          value(D1, 5611, Level.TOTAL, null, null, 12, null),
          value(D1, 5611, Level.HOUR, 23, null, 12, null),
          value(D1, 5611, Level.SBI, null, "47111", 12, null),
          value(D1, 9999, Level.TOTAL, null, null, -3, null),
          value(D1, 9999, Level.HOUR, 4, null, 6, null));
  // Spread over two files, with pc4 1017 in both, so a row is assembled across map tasks.
  private static final List<ReleasedValue> D2_FILE_A =
      List.of(
          value(D2, 1017, Level.TOTAL, null, null, 30, 25L),
          value(D2, 1017, Level.HOUR, 8, null, 11, 10L),
          cell(D2, 1017, 8, 1, "4711", true, 11, 10L, true),
          value(D2, 3500, Level.TOTAL, null, null, 20, 0L));
  private static final List<ReleasedValue> D2_FILE_B =
      List.of(
          value(D2, 1017, Level.SBI, null, "4711", 19, 18L),
          cell(D2, 1017, 9, 2, "56", false, 0, 4L, true),
          cell(D2, 1017, 8, 2, "4711", true, 8, 0L, false),
          value(D2, 8000, Level.HOUR, 22, null, 5, 6L),
          cell(D2, 8000, 22, 65535, "93", true, 5, 0L, false));

  @BeforeAll
  static void startCluster() throws Exception {
    util = new HBaseTestingUtility();
    util.getConfiguration().setInt("hbase.master.info.port", -1);
    util.getConfiguration().setInt("hbase.regionserver.info.port", -1);
    // HBase on the local file system, no mini-DFS: Hadoop's NameNode web server needs Jetty 9,
    // which the Dropwizard BOM of the parent POM replaces with Jetty 12.
    util.getConfiguration().set("fs.defaultFS", "file:///");
    util.getConfiguration().setBoolean("hbase.unsafe.stream.capability.enforce", false);
    util.startMiniZKCluster();
    util.startMiniHBaseCluster(StartMiniClusterOption.builder().numRegionServers(1).build());
    connection = ConnectionFactory.createConnection(util.getConfiguration());
    zookeeper = "localhost:" + util.getZkCluster().getClientPort();
    warehouse = tmp.resolve("warehouse");
    writeFixtures();
    // D2 - 7 exists (empty), D1 - 7 does not.
    Files.createDirectories(warehouse.resolve("release").resolve("dt=" + D2.minusDays(7)));
  }

  private static void writeFixtures() throws IOException {
    ReleaseFixtures.write(warehouse, D1, "part-r-00000.parquet", D1_VALUES);
    ReleaseFixtures.manifest(warehouse, D1, D1_VALUES, "00000000000000d1");
    ReleaseFixtures.write(warehouse, D2, "part-r-00000.parquet", D2_FILE_A);
    ReleaseFixtures.write(warehouse, D2, "part-r-00001.parquet", D2_FILE_B);
    ReleaseFixtures.manifest(warehouse, D2, d2Values(), "00000000000000d2");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (util != null) {
      util.shutdownMiniCluster();
    }
  }

  /** A job configuration as the CLI builds it: local MapReduce, HBase found via --zookeeper. */
  private static Configuration jobConf() {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("hbase.fs.tmp.dir", tmp.resolve("hbase-staging").toUri().toString());
    conf.set("hadoop.tmp.dir", tmp.resolve("hadoop-tmp").toString());
    return conf;
  }

  private static PublishConfig config(long generation, LocalDate... dates) {
    return new PublishConfig(
        warehouse.toUri().toString(),
        List.of(dates),
        generation,
        TABLE,
        Optional.of(zookeeper),
        3,
        2);
  }

  private static Publisher publisher() throws IOException {
    return Publisher.connect(jobConf(), TABLE, Optional.of(zookeeper));
  }

  /** Every data row of {@code date} at generation {@code g}: pc4 → its blocks, decoded. */
  private static Map<Integer, Row> readGeneration(LocalDate date, long g) throws IOException {
    Map<Integer, Row> out = new TreeMap<>();
    try (Table t = connection.getTable(TableName.valueOf(TABLE));
        ResultScanner rs =
            t.getScanner(
                new Scan()
                    .setRowPrefixFilter(RowKey.datePrefix(date))
                    .setTimeRange(g, g + 1)
                    .addFamily(StoreLayout.FAMILY)
                    .addFamily(StoreLayout.ROLLUP_FAMILY))) {
      for (Result r : rs) {
        byte[] area = r.getValue(StoreLayout.ROLLUP_FAMILY, ReleaseBlock.AREA);
        byte[] cells = r.getValue(StoreLayout.FAMILY, ReleaseBlock.CELLS);
        assertTrue(area != null, "row " + new String(r.getRow()) + " has r:a");
        assertEquals(
            cells == null ? 1 : 2,
            r.size(),
            "row " + new String(r.getRow()) + " holds r:a and at most d:c");
        out.put(
            RowKey.parse(r.getRow()).pc4(),
            new Row(ReleaseBlock.decode(area), cells == null ? null : ReleaseBlock.decode(cells)));
      }
    }
    return out;
  }

  /** What readers see: the current generation's rows. */
  private static Map<Integer, Row> readCurrent(LocalDate date) throws IOException {
    try (Publisher p = publisher()) {
      long g = p.status(Optional.of(date)).dates().get(0).current().id();
      return readGeneration(date, g);
    }
  }

  private static Map<Integer, Row> expected(List<ReleasedValue> values) {
    return ReleaseFixtures.expectedRows(values);
  }

  private static List<ReleasedValue> d2Values() {
    List<ReleasedValue> all = new ArrayList<>(D2_FILE_A);
    all.addAll(D2_FILE_B);
    return all;
  }

  @Test
  @Order(1)
  void publishesTwoDatesInOneRunAndReadsBackEveryRow() throws IOException {
    PublishResult result;
    try (Publisher p = publisher()) {
      result = p.publish(config(G1, D1, D2));
    }
    assertEquals(2, result.dates().size());
    Map<Integer, Row> d1 = readCurrent(D1);
    assertEquals(expected(D1_VALUES), d1);
    assertEquals(expected(d2Values()), readCurrent(D2));
    // Spelled out for one row: the area block holds TOTAL, HOUR and SBI, the cells block the CELLs.
    assertEquals(
        new ReleaseBlock.Decoded(
            false,
            List.of(
                new ReleaseBlock.Section(
                    Level.TOTAL,
                    ReleaseFixtures.TOTAL,
                    Double.NaN,
                    List.of(new ReleaseBlock.Entry(-1, 0, "", true, 120, false, 0))),
                new ReleaseBlock.Section(
                    Level.HOUR,
                    ReleaseFixtures.HOUR,
                    Double.NaN,
                    List.of(
                        new ReleaseBlock.Entry(0, 0, "", true, 7, false, 0),
                        new ReleaseBlock.Entry(13, 0, "", true, 14, false, 0))),
                new ReleaseBlock.Section(
                    Level.SBI,
                    ReleaseFixtures.SBI,
                    Double.NaN,
                    List.of(
                        new ReleaseBlock.Entry(-1, 0, "4711", true, 12, false, 0),
                        new ReleaseBlock.Entry(-1, 0, "56", true, -9, false, 0))))),
        d1.get(1012).area());
    assertEquals(
        List.of(
            new ReleaseBlock.Entry(0, 1, "4711", true, 7, false, 0),
            new ReleaseBlock.Entry(13, 1, "4711", true, 5, false, 0)),
        d1.get(1012).cells().sections().get(0).entries());
    assertEquals(null, d1.get(5611).cells(), "a row without CELLs has no d:c");
    Row d2 = readCurrent(D2).get(1017);
    assertEquals(
        List.of(
            new ReleaseBlock.Entry(8, 1, "4711", true, 11, true, 10),
            new ReleaseBlock.Entry(8, 2, "4711", true, 8, false, 0),
            new ReleaseBlock.Entry(9, 2, "56", false, 0, true, 4)),
        d2.cells().sections().get(0).entries(),
        "a cell kept only for its delta is not released; one new this week has no delta released");
    assertTrue(d2.area().baseline() && d2.cells().baseline());

    Generation g1 = result.dates().get(0).current();
    assertEquals(G1, g1.id());
    assertEquals(D1_VALUES.size(), g1.cells(), "values published");
    assertEquals(129, g1.hits(), "the released TOTAL hits: 120 + 12 - 3");
    assertTrue(g1.baselineMissing(), "D1 deltas are null");
    assertTrue(g1.isPrivate());
    assertEquals(1.0, g1.privacyEpsilon(), "epsilon of the manifest");
    assertEquals(1e-8, g1.privacyDelta(), "delta of the manifest");
    Generation g2 = result.dates().get(1).current();
    assertEquals(d2Values().size(), g2.cells());
    assertEquals(50, g2.hits());
    assertFalse(g2.baselineMissing(), "D2 has deltas");
    assertEquals(1.0, g2.privacyEpsilon());
    assertTrue(g1.publishedAt() > 0);
  }

  @Test
  @Order(2)
  void republishMakesANewGenerationAndKeepsTheOld() throws IOException {
    try (Publisher p = publisher()) {
      p.publish(config(G2, D1, D2));
      DateStatus s = p.status(Optional.of(D1)).dates().get(0);
      assertEquals(G2, s.current().id());
      assertEquals(List.of(G2, G1), s.kept().stream().map(Generation::id).toList());
    }
    assertEquals(expected(D1_VALUES), readCurrent(D1));
    assertEquals(expected(D1_VALUES), readGeneration(D1, G1), "old generation still stored");
  }

  @Test
  @Order(3)
  void rollbackServesThePreviousGeneration() throws IOException {
    // G3 of D1 (a release with other noise) changes one value's hits and drops pc4 9999 altogether.
    List<ReleasedValue> changed = new ArrayList<>(D1_VALUES.subList(0, 10));
    changed.set(0, value(D1, 1012, Level.TOTAL, null, null, 70, null));
    Path d1 = warehouse.resolve("release").resolve("dt=" + D1);
    Files.delete(d1.resolve("part-r-00000.parquet"));
    Files.deleteIfExists(d1.resolve(".part-r-00000.parquet.crc"));
    ReleaseFixtures.write(warehouse, D1, "part-r-00000.parquet", changed);
    ReleaseFixtures.manifest(warehouse, D1, changed, "0000000000000d13");
    try (Publisher p = publisher()) {
      p.publish(config(G3, D1));
      assertEquals(expected(changed), readCurrent(D1));
      assertFalse(readCurrent(D1).containsKey(9999), "rows of older generations are not served");
      assertEquals(70 + 12, p.status(Optional.of(D1)).dates().get(0).current().hits());

      DateStatus back = p.rollback(D1, Optional.empty());
      assertEquals(G2, back.current().id());
      assertEquals(expected(D1_VALUES), readCurrent(D1));
      assertEquals(129, back.current().hits(), "the whole generation comes back, its figures too");

      DateStatus toG1 = p.rollback(D1, Optional.of(G1));
      assertEquals(G1, toG1.current().id());
      assertEquals(G1, p.status(Optional.of(D1)).dates().get(0).current().id());

      IllegalArgumentException none =
          assertThrows(IllegalArgumentException.class, () -> p.rollback(D1, Optional.empty()));
      assertTrue(none.getMessage().contains("no kept generation older"), none.getMessage());
      IllegalArgumentException unknown =
          assertThrows(IllegalArgumentException.class, () -> p.rollback(D1, Optional.of(42L)));
      assertTrue(
          unknown.getMessage().contains("[" + G3 + ", " + G2 + ", " + G1 + "]"),
          unknown.getMessage());

      // Back to the newest, for the next test.
      p.rollback(D1, Optional.of(G3));
    }
  }

  @Test
  @Order(4)
  void failureBetweenBulkLoadAndFlipLeavesThePreviousGenerationServed() throws IOException {
    Map<Integer, Row> before = readCurrent(D2);
    try (Publisher p = publisher()) {
      p.beforeFlip(
          () -> {
            throw new IllegalStateException("killed before the flip");
          });
      assertThrows(IllegalStateException.class, () -> p.publish(config(G4, D2)));
      assertEquals(G2, p.status(Optional.of(D2)).dates().get(0).current().id());
    }
    assertEquals(before, readCurrent(D2));
    assertFalse(readGeneration(D2, G4).isEmpty(), "G4 was bulk-loaded but is not current");
  }

  @Test
  @Order(5)
  void statusListsEveryPublishedDateAndSerializesToJson() throws IOException {
    PublishStatus status;
    try (Publisher p = publisher()) {
      status = p.status(Optional.empty());
      assertTrue(p.status(Optional.of(LocalDate.of(2020, 1, 1))).dates().isEmpty());
    }
    assertEquals(
        List.of(D1.toString(), D2.toString()),
        status.dates().stream().map(DateStatus::date).toList());
    assertEquals(
        List.of(G3, G2, G1), status.dates().get(0).kept().stream().map(Generation::id).toList());
    String json = new ObjectMapper().writeValueAsString(status);
    assertTrue(json.contains("\"date\":\"2013-01-09\""), json);
    assertTrue(json.contains("\"id\":" + G2), json);
    assertTrue(
        status
            .format()
            .contains(
                "2013-01-08  generation "
                    + G3
                    + "  values "
                    + 10
                    + "  hits 82"
                    + "  epsilon 1.0 delta 1.0E-8 per user-day  baseline missing"),
        status.format());
    assertTrue(
        json.contains("\"privacyEpsilon\":1.0") && json.contains("\"privacyDelta\":1.0E-8"), json);
    assertEquals(
        StoreLayout.VERSION, status.layout(), "a new table records the layout it was made in");
    assertTrue(
        json.contains("\"layout\":" + StoreLayout.VERSION) && json.contains("\"layout_ok\":true"),
        json);
    assertTrue(
        status
            .format()
            .startsWith("table " + TABLE + " (store layout " + StoreLayout.VERSION + ")"),
        status.format());
  }

  @Test
  @Order(7)
  void cliPublishesARangeOfEarlierReleasesInOneRun() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    nl.datapoints.etl.Main main =
        new nl.datapoints.etl.Main(
            new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    // Earlier tests rewrote these partitions: start again from the fixtures.
    for (LocalDate d : List.of(D1, D2)) {
      Path dir = warehouse.resolve("release").resolve("dt=" + d);
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    writeFixtures();
    // D1's release was made by an earlier run of this warehouse, which reported it (as the
    // release stage does); D2's comes without a report.
    RunReport made =
        new RunReport(
            D1.toString(),
            1_600_000_000_000L,
            RunReport.SUCCEEDED,
            "not published",
            40,
            38,
            0,
            Map.of("FIELD_COUNT", 2L),
            2,
            true,
            3,
            1,
            30,
            8,
            true,
            List.of(),
            false,
            5,
            "a",
            "b",
            new RunReport.Release(D1_VALUES.size(), 2, 129, "00000000000000d1"),
            new RunReport.Bounding(
                17,
                1,
                36,
                2,
                Map.of("total", 0L, "hour", 0L, "sbi", 0L, "cell", 4L),
                Map.of("total", 0L, "hour", 0L, "sbi", 0L, "cell", 0L)),
            new RunReport.Privacy("user-day", 1.0, 1e-8, 1.0, 1, Map.of()));
    made.write(
        org.apache.hadoop.fs.FileSystem.getLocal(new Configuration()),
        new org.apache.hadoop.fs.Path(warehouse.resolve("reports").resolve("dt=" + D1).toUri()));
    long values = D1_VALUES.size() + d2Values().size();
    String[] publish = {
      "publish",
      "--from",
      D1.toString(),
      "--to",
      D2.toString(),
      "--warehouse",
      warehouse.toString(),
      "--zookeeper",
      zookeeper,
      "--table",
      TABLE
    };
    long before = System.currentTimeMillis();
    int exit = org.apache.hadoop.util.ToolRunner.run(jobConf(), main, publish);
    assertEquals(0, exit, out + "\n" + err);
    assertTrue(out.toString().contains("[4/4] publish 2 date(s)"), out.toString());
    // The summary counts what the publish loaded (D1's aggregate cells are its earlier report's).
    assertTrue(
        out.toString().contains(", 3 cells, " + values + " released values in "), out.toString());
    long g1;
    long g2;
    try (Publisher p = publisher()) {
      g1 = p.status(Optional.of(D1)).dates().get(0).current().id();
      g2 = p.status(Optional.of(D2)).dates().get(0).current().id();
    }
    assertEquals(g1, g2, "one generation for the whole range");
    assertTrue(g1 >= before, "a new generation: " + g1);
    assertEquals(expected(D1_VALUES), readGeneration(D1, g1));
    assertEquals(expected(d2Values()), readGeneration(D2, g2));
    // The date's report describes the release it published and its guarantee, from the manifest.
    JsonNode r1 = report(D1);
    assertTrue(r1.get("published").asBoolean());
    assertEquals(D1_VALUES.size(), r1.get("release").get("values").asLong());
    assertEquals(129, r1.get("release").get("total_hits").asLong());
    assertEquals("00000000000000d1", r1.get("release").get("digest").asText());
    assertEquals(2, r1.get("release").get("cells_selected").asLong());
    assertEquals(1.0, r1.get("privacy").get("epsilon").asDouble());
    assertEquals(1e-8, r1.get("privacy").get("delta").asDouble());
    assertEquals(
        1.0, r1.get("privacy").get("epsilon_spent").asDouble(), "the release is counted once");
    assertEquals(
        1, r1.get("privacy").get("releases").asInt(), "the report that made it counted it already");
    assertEquals(
        17,
        r1.get("bounding").get("users").asLong(),
        "the bounding of the run that made the release");
    assertEquals(4, r1.get("bounding").get("cells_dropped").get("cell").asLong());
    assertEquals(38, r1.get("events").asLong(), "the earlier figures carry over");
    JsonNode r2 = report(D2);
    assertTrue(r2.get("bounding").isNull(), "no report of this warehouse made D2's release");
    assertEquals(
        1, r2.get("privacy").get("releases").asInt(), "a release from elsewhere is counted once");
    assertEquals(1.0, r2.get("privacy").get("epsilon_spent").asDouble());

    // A report that no longer describes the release (here: claims 0 values, as one written
    // before the release was rewritten would): the next publish counts what it loads, and the
    // same release published again costs nothing more.
    for (LocalDate d : List.of(D1, D2)) {
      Path latest = warehouse.resolve("reports").resolve("dt=" + d).resolve("latest.json");
      Files.writeString(
          latest, Files.readString(latest).replaceAll("\"values\" : \\d+", "\"values\" : 0"));
    }
    out.reset();
    assertEquals(
        0, org.apache.hadoop.util.ToolRunner.run(jobConf(), main, publish), out.toString());
    assertTrue(out.toString().contains(", " + values + " released values in "), out.toString());
    r1 = report(D1);
    assertEquals(D1_VALUES.size(), r1.get("release").get("values").asLong());
    assertEquals(1, r1.get("privacy").get("releases").asInt(), "the same release again: " + r1);
    assertEquals(1.0, r1.get("privacy").get("epsilon_spent").asDouble());
    long g;
    try (Publisher p = publisher()) {
      g = p.status(Optional.of(D1)).dates().get(0).current().id();
    }

    // A release without its manifest is refused before anything is loaded or flipped, for
    // every date of the batch (not after the dates before it have flipped).
    Path manifest = warehouse.resolve("release").resolve("dt=" + D2).resolve("_release.json");
    byte[] kept = Files.readAllBytes(manifest);
    Files.delete(manifest);
    Files.deleteIfExists(manifest.resolveSibling("._release.json.crc"));
    err.reset();
    assertEquals(
        1, org.apache.hadoop.util.ToolRunner.run(jobConf(), main, publish), err.toString());
    assertTrue(
        err.toString().contains("--date " + D2 + ": ")
            && err.toString().contains("dt=" + D2 + " has no _release.json"),
        err.toString());
    try (Publisher p = publisher()) {
      assertEquals(
          g, p.status(Optional.of(D1)).dates().get(0).current().id(), "D1 was not flipped");
      assertEquals(g, p.status(Optional.of(D2)).dates().get(0).current().id(), "nor D2");
    }
    Files.write(manifest, kept);

    // Usage errors exit 2 with a message, before touching anything.
    for (String[] bad :
        List.of(
            new String[] {"publish"},
            new String[] {
              "publish", "--date", D1.toString(), "--from", D1.toString(), "--to", D2.toString()
            },
            new String[] {"publish", "--from", D1.toString()},
            new String[] {"publish", "--from", D2.toString(), "--to", D1.toString()})) {
      err.reset();
      assertEquals(
          2, org.apache.hadoop.util.ToolRunner.run(jobConf(), main, bad), String.join(" ", bad));
      assertTrue(err.toString().startsWith("etl publish: "), err.toString());
    }
  }

  private static JsonNode report(LocalDate d) throws IOException {
    return new ObjectMapper()
        .readTree(warehouse.resolve("reports").resolve("dt=" + d).resolve("latest.json").toFile());
  }

  @Test
  @Order(8)
  void aTableWithoutTheRollupFamilyIsRefusedWithAClearMessage() throws Exception {
    // A table made before the rollups moved to family r: its rollups sit in d, where the service
    // no longer reads them, so publishing more dates into it would serve zeros for the old ones.
    TableName old = TableName.valueOf("old_layout");
    try (org.apache.hadoop.hbase.client.Admin admin = connection.getAdmin()) {
      admin.createTable(
          org.apache.hadoop.hbase.client.TableDescriptorBuilder.newBuilder(old)
              .setColumnFamily(
                  org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder.newBuilder(
                          StoreLayout.FAMILY)
                      .setMaxVersions(StoreLayout.FAMILY_MAX_VERSIONS)
                      .build())
              .build());
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    nl.datapoints.etl.Main main =
        new nl.datapoints.etl.Main(
            new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    int exit =
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(),
            main,
            new String[] {
              "publish",
              "--date",
              D1.toString(),
              "--warehouse",
              warehouse.toString(),
              "--zookeeper",
              zookeeper,
              "--table",
              "old_layout"
            });
    assertEquals(1, exit, out + "\n" + err);
    assertTrue(err.toString().contains("table old_layout has no family 'r'"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    try (Table t = connection.getTable(old);
        ResultScanner rs = t.getScanner(new Scan())) {
      assertEquals(null, rs.next(), "nothing was written to the old table");
    }
  }

  @Test
  @Order(9)
  void aTableOfAnotherLayoutIsRefusedAndDropTableRemovesIt() throws Exception {
    TableName old = TableName.valueOf("layout_one");
    try (org.apache.hadoop.hbase.client.Admin admin = connection.getAdmin()) {
      var table =
          org.apache.hadoop.hbase.client.TableDescriptorBuilder.newBuilder(old)
              .setValue(StoreLayout.VERSION_KEY, "1");
      for (byte[] f : StoreLayout.FAMILIES) {
        table.setColumnFamily(
            org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder.newBuilder(f)
                .setMaxVersions(StoreLayout.FAMILY_MAX_VERSIONS)
                .build());
      }
      admin.createTable(table.build());
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    nl.datapoints.etl.Main main =
        new nl.datapoints.etl.Main(
            new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    assertEquals(
        1,
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(),
            main,
            new String[] {
              "publish",
              "--date",
              D1.toString(),
              "--warehouse",
              warehouse.toString(),
              "--zookeeper",
              zookeeper,
              "--table",
              "layout_one"
            }),
        out + "\n" + err);
    assertTrue(
        err.toString()
                .contains(
                    "table layout_one is in store layout 1, this publish writes layout "
                        + StoreLayout.VERSION)
            && err.toString().contains("scripts/etl drop-table --table layout_one"),
        err.toString());

    out.reset();
    assertEquals(
        0,
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(),
            main,
            new String[] {"status", "--zookeeper", zookeeper, "--table", "layout_one", "--json"}),
        err.toString());
    assertTrue(out.toString().contains("\"layout_ok\" : false"), out.toString());

    err.reset();
    assertEquals(
        2,
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(), main, new String[] {"drop-table", "--zookeeper", zookeeper}),
        "drop-table needs --table spelled out");
    assertTrue(err.toString().contains("'drop-table' needs --table"), err.toString());
    out.reset();
    assertEquals(
        0,
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(),
            main,
            new String[] {"drop-table", "--zookeeper", zookeeper, "--table", "layout_one"}),
        err.toString());
    assertTrue(out.toString().contains("dropped table layout_one"), out.toString());
    try (org.apache.hadoop.hbase.client.Admin admin = connection.getAdmin()) {
      assertFalse(admin.tableExists(old));
    }
    out.reset();
    assertEquals(
        0,
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(),
            main,
            new String[] {"drop-table", "--zookeeper", zookeeper, "--table", "layout_one"}),
        err.toString());
    assertTrue(
        out.toString().contains("table layout_one does not exist; nothing dropped"),
        out.toString());
  }
}
