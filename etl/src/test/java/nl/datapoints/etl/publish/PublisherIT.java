package nl.datapoints.etl.publish;

import static nl.datapoints.etl.publish.CellFixtures.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import nl.datapoints.schemas.Cell;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.PackedCell;
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

/** Publish → read back → republish → rollback → failed flip, against an HBase mini-cluster. */
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

  private static final List<Cell> D1_CELLS =
      List.of(
          cell(D1, 0, 1012, 1, "4711", 7, null),
          cell(D1, 13, 1012, 2, "56", 9, null),
          cell(D1, 13, 1012, 1, "4711", 5, null),
          cell(D1, 23, 5611, 3, "47111", 12, null),
          cell(D1, 4, 9999, 1, "56", 6, null));
  // Spread over two files, with pc4 1017 in both, so a row is assembled across map tasks.
  private static final List<Cell> D2_FILE_A =
      List.of(
          cell(D2, 8, 1017, 1, "4711", 11, 10L),
          cell(D2, 9, 1017, 2, "56", 0, 4L),
          cell(D2, 10, 3500, 7, "4711", 20, 0L));
  private static final List<Cell> D2_FILE_B =
      List.of(cell(D2, 8, 1017, 2, "4711", 8, 8L), cell(D2, 22, 8000, 65535, "93", 5, 6L));

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
    CellFixtures.write(warehouse, D1, "part-r-00000.parquet", D1_CELLS);
    CellFixtures.write(warehouse, D2, "part-r-00000.parquet", D2_FILE_A);
    CellFixtures.write(warehouse, D2, "part-r-00001.parquet", D2_FILE_B);
    // D2 - 7 exists (empty), D1 - 7 does not.
    Files.createDirectories(warehouse.resolve("aggregates").resolve("dt=" + D2.minusDays(7)));
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

  /** Every data row of {@code date} at generation {@code g}: pc4 → [c, h, s] decoded. */
  private static Map<Integer, List<List<PackedCell>>> readGeneration(LocalDate date, long g)
      throws IOException {
    Map<Integer, List<List<PackedCell>>> out = new TreeMap<>();
    try (Table t = connection.getTable(TableName.valueOf(TABLE));
        ResultScanner rs =
            t.getScanner(
                new Scan()
                    .setRowPrefixFilter(RowKey.datePrefix(date))
                    .setTimeRange(g, g + 1)
                    .addFamily(StoreLayout.FAMILY)
                    .addFamily(StoreLayout.ROLLUP_FAMILY))) {
      for (Result r : rs) {
        assertEquals(3, r.size(), "row " + new String(r.getRow()) + " has c, h and s");
        out.put(
            RowKey.parse(r.getRow()).pc4(),
            List.of(
                CellBlock.decode(r.getValue(StoreLayout.FAMILY, CellBlock.CELLS)),
                CellBlock.decode(r.getValue(StoreLayout.ROLLUP_FAMILY, CellBlock.BY_HOUR)),
                CellBlock.decode(r.getValue(StoreLayout.ROLLUP_FAMILY, CellBlock.BY_SBI))));
      }
    }
    return out;
  }

  /** What readers see: the current generation's rows. */
  private static Map<Integer, List<List<PackedCell>>> readCurrent(LocalDate date)
      throws IOException {
    try (Publisher p = publisher()) {
      long g = p.status(Optional.of(date)).dates().get(0).current().id();
      return readGeneration(date, g);
    }
  }

  private static Map<Integer, List<List<PackedCell>>> expected(List<Cell> cells) {
    Map<Integer, List<List<PackedCell>>> out = new TreeMap<>();
    CellFixtures.byPc4(cells)
        .forEach(
            (pc4, packed) ->
                out.put(
                    pc4,
                    List.of(
                        CellBlock.decode(CellBlock.encode(packed)),
                        CellBlock.rollupByHour(packed),
                        CellBlock.rollupBySbi(packed))));
    return out;
  }

  private static List<Cell> d2Cells() {
    List<Cell> all = new ArrayList<>(D2_FILE_A);
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
    assertEquals(expected(D1_CELLS), readCurrent(D1));
    assertEquals(expected(d2Cells()), readCurrent(D2));

    Generation g1 = result.dates().get(0).current();
    assertEquals(G1, g1.id());
    assertEquals(5, g1.cells());
    assertEquals(39, g1.hits());
    assertTrue(g1.baselineMissing(), "D1 deltas are null");
    Generation g2 = result.dates().get(1).current();
    assertEquals(5, g2.cells());
    assertEquals(44, g2.hits());
    assertFalse(g2.baselineMissing(), "D2 has deltas");
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
    assertEquals(expected(D1_CELLS), readCurrent(D1));
    assertEquals(expected(D1_CELLS), readGeneration(D1, G1), "old generation still stored");
  }

  @Test
  @Order(3)
  void rollbackServesThePreviousGeneration() throws IOException {
    // G3 of D1 changes one cell's hits and drops pc4 9999 altogether.
    List<Cell> changed = new ArrayList<>(D1_CELLS.subList(0, 4));
    changed.set(0, cell(D1, 0, 1012, 1, "4711", 70, null));
    Path d1 = warehouse.resolve("aggregates").resolve("dt=" + D1);
    Files.delete(d1.resolve("part-r-00000.parquet"));
    Files.deleteIfExists(d1.resolve(".part-r-00000.parquet.crc"));
    CellFixtures.write(warehouse, D1, "part-r-00000.parquet", changed);
    try (Publisher p = publisher()) {
      p.publish(config(G3, D1));
      assertEquals(expected(changed), readCurrent(D1));
      assertFalse(readCurrent(D1).containsKey(9999), "rows of older generations are not served");

      DateStatus back = p.rollback(D1, Optional.empty());
      assertEquals(G2, back.current().id());
      assertEquals(expected(D1_CELLS), readCurrent(D1));

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
    Map<Integer, List<List<PackedCell>>> before = readCurrent(D2);
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
    assertTrue(status.format().contains("2013-01-08  generation " + G3), status.format());
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
  void cliPublishesARangeOfExistingAggregatesInOneRun() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    nl.datapoints.etl.Main main =
        new nl.datapoints.etl.Main(
            new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    // Earlier tests rewrote these partitions: start again from the fixtures.
    for (LocalDate d : List.of(D1, D2)) {
      Path dir = warehouse.resolve("aggregates").resolve("dt=" + d);
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    CellFixtures.write(warehouse, D1, "part-r-00000.parquet", D1_CELLS);
    CellFixtures.write(warehouse, D2, "part-r-00000.parquet", D2_FILE_A);
    CellFixtures.write(warehouse, D2, "part-r-00001.parquet", D2_FILE_B);
    long before = System.currentTimeMillis();
    int exit =
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(),
            main,
            new String[] {
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
            });
    assertEquals(0, exit, out + "\n" + err);
    assertTrue(out.toString().contains("publish 2 date(s)"), out.toString());
    // No run report describes these cells: the summary counts what the publish loaded.
    assertTrue(
        out.toString().contains(", " + (D1_CELLS.size() + d2Cells().size()) + " cells in "),
        out.toString());
    long g1;
    long g2;
    try (Publisher p = publisher()) {
      g1 = p.status(Optional.of(D1)).dates().get(0).current().id();
      g2 = p.status(Optional.of(D2)).dates().get(0).current().id();
    }
    assertEquals(g1, g2, "one generation for the whole range");
    assertTrue(g1 >= before, "a new generation: " + g1);
    assertEquals(expected(D1_CELLS), readGeneration(D1, g1));
    assertEquals(expected(d2Cells()), readGeneration(D2, g2));

    // A report that no longer describes the aggregates (here: claims 0 cells, as one written
    // before the aggregates were rewritten would): the next publish counts what it loads.
    for (LocalDate d : List.of(D1, D2)) {
      Path latest = warehouse.resolve("reports").resolve("dt=" + d).resolve("latest.json");
      Files.writeString(
          latest,
          Files.readString(latest)
              .replaceAll("\"cells_published\" : \\d+", "\"cells_published\" : 0"));
    }
    out.reset();
    assertEquals(
        0,
        org.apache.hadoop.util.ToolRunner.run(
            jobConf(),
            main,
            new String[] {
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
            }),
        out.toString());
    assertTrue(
        out.toString().contains(", " + (D1_CELLS.size() + d2Cells().size()) + " cells in "),
        out.toString());
    assertTrue(
        Files.readString(warehouse.resolve("reports").resolve("dt=" + D1).resolve("latest.json"))
            .contains("\"cells_published\" : " + D1_CELLS.size()));

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
