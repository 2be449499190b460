package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.datapoints.schemas.AnonymizedEvent;
import nl.datapoints.schemas.Cell;
import nl.datapoints.schemas.UserKey;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real aggregate job in Hadoop local mode over three dates: 2013-01-01 (baseline missing),
 * 2013-01-08 (baseline from 01-01's events in the same batch) and 2013-01-20 (baseline from a
 * published Cell Parquet of 01-13). Expected values are worked out by hand below, independently of
 * the code under test.
 */
class AggregateJobLocalTest {
  private static final LocalDate D1 = LocalDate.parse("2013-01-01");
  private static final LocalDate D2 = LocalDate.parse("2013-01-08");
  private static final LocalDate D3 = LocalDate.parse("2013-01-20");
  private static final LocalDate D3_BASE = LocalDate.parse("2013-01-13");
  private static final int K = 3;

  @TempDir static java.nio.file.Path tmp;
  private static Job job;
  private static Path staging;

  @BeforeAll
  static void runJob() throws Exception {
    Configuration conf = localConf();
    Path warehouse = new Path(tmp.resolve("warehouse").toUri());
    AggregateConfig config =
        AggregateConfig.of(warehouse, List.of(D1, D2, D3), List.of(D1), K)
            .withReducers(2)
            .withMapCacheCells(3); // tiny cache: exercises flushes and the combiner

    List<AnonymizedEvent> d1 = new ArrayList<>();
    events(d1, D1, 10, 1011, 1, "4711", 1, 2, 3, 1, 2); // A: 3 users, 5 hits -> published
    events(d1, D1, 11, 1011, 1, "56", 1, 2, 1, 2); // B: 2 users, 4 hits -> suppressed
    events(d1, D1, 12, 1012, 2, "4711", 4, 5, 6); // C: 3 users, 3 hits -> published
    events(d1, D1, 13, 1012, 2, "01", 7, 8, 9, 9); // E: 3 users, 4 hits -> published
    write(config.eventsDir(D1), "part-m-00000.parquet", d1);

    List<AnonymizedEvent> d2a = new ArrayList<>();
    List<AnonymizedEvent> d2b = new ArrayList<>();
    events(d2a, D2, 10, 1011, 1, "4711", 1, 2, 3); // A: split over two files:
    events(d2b, D2, 10, 1011, 1, "4711", 4, 1, 2); //    4 users, 6 hits, delta 5
    events(d2a, D2, 11, 1011, 1, "56", 1, 2, 3); // B: 3 hits, delta 0 (suppressed on D1)
    events(d2b, D2, 13, 1012, 2, "01", 7, 8); // E: 2 users -> suppressed, carry 0/4
    events(d2a, D2, 14, 1013, 3, "4711", 1, 2); // F: 3 users, 3 hits over two files,
    events(d2b, D2, 14, 1013, 3, "4711", 3); //    delta 0
    events(d2b, D2, 15, 1013, 3, "4711", 9); // G: 1 user -> suppressed
    // C has no events on D2: carried over with hits 0, delta 3.
    write(config.eventsDir(D2), "part-m-00000.parquet", d2a);
    write(config.eventsDir(D2), "part-m-00001.parquet", d2b);

    List<AnonymizedEvent> d3 = new ArrayList<>();
    events(d3, D3, 10, 1011, 1, "4711", 1, 2, 3, 3); // H: 4 hits, delta 9
    events(d3, D3, 8, 3000, 4, "10", 1, 2, 3); // J2: 3 hits, delta 0 (hits 0 on 01-13)
    events(d3, D3, 8, 3000, 5, "10", 1, 2); // K: 2 users -> suppressed
    write(config.eventsDir(D3), "part-m-00000.parquet", d3);

    List<Cell> base =
        List.of(
            cell(D3_BASE, 10, 1011, 1, "4711", 9, 1L), // H
            cell(D3_BASE, 9, 2000, 3, "10", 7, null), // I: no events on D3 -> carry 0/7
            cell(D3_BASE, 8, 2000, 3, "10", 0, 6L), // J: carry-over on 01-13, not again
            cell(D3_BASE, 8, 3000, 4, "10", 0, 2L)); // J2
    write(config.aggregatesDir(D3_BASE), "part-r-00000.parquet", base);

    staging = new Path(tmp.resolve("staging").toUri());
    job = AggregateJob.create(conf, config, staging);
    assertTrue(job.waitForCompletion(false), "aggregate job failed");
  }

  @Test
  void publishesCellsWithHitsDeltaCarryOverAndSuppression() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    expected.put("2013-01-01/10/1011/1/4711", "5/null");
    expected.put("2013-01-01/12/1012/2/4711", "3/null");
    expected.put("2013-01-01/13/1012/2/01", "4/null");
    expected.put("2013-01-08/10/1011/1/4711", "6/5");
    expected.put("2013-01-08/11/1011/1/56", "3/0");
    expected.put("2013-01-08/12/1012/2/4711", "0/3");
    expected.put("2013-01-08/13/1012/2/01", "0/4");
    expected.put("2013-01-08/14/1013/3/4711", "3/0");
    expected.put("2013-01-20/10/1011/1/4711", "4/9");
    expected.put("2013-01-20/9/2000/3/10", "0/7");
    expected.put("2013-01-20/8/3000/4/10", "3/0");
    assertEquals(expected, readCells());
  }

  @Test
  void writesCellsPerDateAsPartParquetFiles() throws IOException {
    for (LocalDate d : List.of(D1, D2, D3)) {
      java.nio.file.Path dir = tmp.resolve("staging/cells/dt=" + d);
      try (Stream<java.nio.file.Path> files = Files.list(dir)) {
        List<String> names =
            files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        assertTrue(
            !names.isEmpty() && names.stream().allMatch(n -> n.matches("part-r-\\d{5}\\.parquet")),
            dir + " holds " + names);
        for (String n : names) {
          try (ParquetFileReader r =
              ParquetFileReader.open(
                  HadoopInputFile.fromPath(
                      new Path(dir.resolve(n).toUri()), new Configuration()))) {
            assertEquals(
                Cell.getClassSchema(),
                new Schema.Parser()
                    .parse(
                        r.getFooter()
                            .getFileMetaData()
                            .getKeyValueMetaData()
                            .get("parquet.avro.schema")),
                n + " does not carry the Cell schema");
          }
        }
      }
    }
  }

  @Test
  void writesStatsPerDateSummedOverReducers() throws IOException {
    Map<String, Long> expected = new TreeMap<>();
    put(expected, "2013-01-01", 3, 12, 1, 4);
    put(expected, "2013-01-08", 5, 12, 2, 3);
    put(expected, "2013-01-20", 3, 7, 1, 2);
    assertEquals(expected, readStats());
  }

  @Test
  void countsPublishedCarriedOverAndSuppressedCells() throws IOException {
    assertEquals(11, counter(AggregateCounters.CELLS_PUBLISHED));
    assertEquals(3, counter(AggregateCounters.CELLS_CARRIED_OVER));
    assertEquals(4, counter(AggregateCounters.CELLS_SUPPRESSED));
    assertEquals(9, counter(AggregateCounters.HITS_SUPPRESSED));
    assertEquals(16 + 15 + 9, counter(AggregateCounters.EVENTS_READ));
    assertEquals(4, counter(AggregateCounters.BASELINE_CELLS_READ));
    assertEquals(2, counter(AggregateCounters.BASELINE_CELLS_WITHOUT_HITS));
  }

  private static long counter(AggregateCounters c) throws IOException {
    return job.getCounters().findCounter(c).getValue();
  }

  private static void put(Map<String, Long> m, String d, long cp, long hp, long cs, long hs) {
    m.put(d + "\tcells_published", cp);
    m.put(d + "\thits_published", hp);
    m.put(d + "\tcells_suppressed", cs);
    m.put(d + "\thits_suppressed", hs);
  }

  static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.cluster.local.dir", tmp.resolve("mr-local").toString());
    conf.set("hadoop.tmp.dir", tmp.resolve("hadoop-tmp").toString());
    return conf;
  }

  private Map<String, String> readCells() throws IOException {
    Map<String, String> cells = new TreeMap<>();
    try (Stream<java.nio.file.Path> files = Files.walk(tmp.resolve("staging/cells"))) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        String dirDate = f.getParent().getFileName().toString().substring("dt=".length());
        try (ParquetReader<Cell> r =
            AvroParquetReader.<Cell>builder(
                    HadoopInputFile.fromPath(new Path(f.toUri()), new Configuration()))
                .withDataModel(AggregateDataSupplier.model())
                .build()) {
          for (Cell c = r.read(); c != null; c = r.read()) {
            assertEquals(dirDate, c.getDate().toString(), "cell in the wrong partition");
            String key =
                c.getDate()
                    + "/"
                    + c.getHour()
                    + "/"
                    + c.getPc4()
                    + "/"
                    + c.getActivity()
                    + "/"
                    + c.getSbi();
            assertEquals(null, cells.put(key, c.getHits() + "/" + c.getDelta()), "dup " + key);
          }
        }
      }
    }
    return cells;
  }

  private Map<String, Long> readStats() throws IOException {
    Map<String, Long> sums = new TreeMap<>();
    try (Stream<java.nio.file.Path> files = Files.list(tmp.resolve("staging/stats"))) {
      for (java.nio.file.Path f :
          files.filter(p -> p.getFileName().toString().matches("part-r-\\d{5}")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          assertEquals(3, parts.length, line);
          sums.merge(parts[0] + "\t" + parts[1], Long.parseLong(parts[2]), Long::sum);
        }
      }
    }
    return sums;
  }

  static void events(
      List<AnonymizedEvent> out,
      LocalDate date,
      int hour,
      int pc4,
      int activity,
      String sbi,
      int... users) {
    for (int u : users) {
      out.add(
          AnonymizedEvent.newBuilder()
              .setDate(date)
              .setHour(hour)
              .setPc4(pc4)
              .setActivity(activity)
              .setSbi(sbi)
              .setUserKey(userKey(u))
              .build());
    }
  }

  static UserKey userKey(int user) {
    // Differ in both halves so that a bug comparing only one half would show.
    return new UserKey(ByteBuffer.allocate(16).putLong(user).putLong(~(long) user).array());
  }

  static Cell cell(
      LocalDate d, int hour, int pc4, int activity, String sbi, long hits, Long delta) {
    return Cell.newBuilder()
        .setDate(d)
        .setHour(hour)
        .setPc4(pc4)
        .setActivity(activity)
        .setSbi(sbi)
        .setHits(hits)
        .setDelta(delta)
        .build();
  }

  static <T extends org.apache.avro.specific.SpecificRecord> void write(
      Path dir, String name, List<T> records) throws IOException {
    Path file = new Path(dir, name);
    try (ParquetWriter<T> w =
        AvroParquetWriter.<T>builder(HadoopOutputFile.fromPath(file, new Configuration()))
            .withSchema(records.get(0).getSchema())
            .withDataModel(AggregateDataSupplier.model())
            .build()) {
      for (T r : records) {
        w.write(r);
      }
    }
  }
}
