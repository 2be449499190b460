package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.schemas.AnonymizedEvent;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.UserKey;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real bound and release jobs in Hadoop local mode over three dates: D1 (no baseline), D2
 * = D1 + 7 (baseline recomputed from D1 in the same batch, with a heavy user) and D3 (baseline from
 * a stored release of D3 - 7), twice, and checks what no noise can hide: the domain is filled,
 * deltas are the week before's released values, reruns are identical, the heavy user is bounded and
 * no user key leaves the bound job.
 */
class ReleaseJobsLocalTest {
  private static final LocalDate D1 = LocalDate.parse("2013-01-01");
  private static final LocalDate D2 = LocalDate.parse("2013-01-08");
  private static final LocalDate D3 = LocalDate.parse("2013-01-20");
  private static final List<Integer> PC4S = List.of(1011, 1012, 1013);
  private static final Set<String> SBI = Set.of("4711", "56", "10");
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @TempDir static java.nio.file.Path tmp;
  private static Map<String, ReleasedValue> first;
  private static Map<String, ReleasedValue> second;
  private static Map<String, Long> boundStats;
  private static Map<LocalDate, List<ReleasedValue>> stored;

  @BeforeAll
  static void runTwice() throws Exception {
    java.nio.file.Path ref = Files.createDirectories(tmp.resolve("ref"));
    Files.writeString(
        ref.resolve("postcodes.csv"),
        "pc4,lat,lon,name\n1011,52.37,4.90,a\n1012,52.37,4.89,b\n1013,52.38,4.88,c\n");
    Files.writeString(ref.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n56,Restaurants\n");
    Files.writeString(ref.resolve("merchants.csv"), "merchant_id,sbi\n1,4711\n2,56\n3,10\n");
    Path warehouse = new Path(tmp.resolve("warehouse").toUri());

    List<AnonymizedEvent> d1 = new ArrayList<>();
    for (int u = 1; u <= 40; u++) {
      events(d1, D1, 8 + u % 10, 1011 + u % 3, 1, u % 2 == 0 ? "4711" : "56", u, 1 + u % 3);
    }
    write(new Path(warehouse, "events/dt=" + D1), d1);
    List<AnonymizedEvent> d2 = new ArrayList<>();
    for (int u = 1; u <= 30; u++) {
      events(d2, D2, 9, 1012, 2, "4711", u, 1);
    }
    events(d2, D2, 13, 1013, 1, "10", 999, 3000); // the heavy user: 3,000 events in one cell
    write(new Path(warehouse, "events/dt=" + D2), d2);
    List<AnonymizedEvent> d3 = new ArrayList<>();
    events(d3, D3, 20, 1011, 1, "56", 5, 2);
    write(new Path(warehouse, "events/dt=" + D3), d3);

    stored =
        Map.of(
            D3,
            List.of(
                released(D3.minusDays(7), 1011, Level.TOTAL, null, null, null, 77, 28.5),
                released(D3.minusDays(7), 1011, Level.CELL, 20, 1, "56", 500, 100.0)));
    Path storedDir = new Path(warehouse, "release/dt=" + D3.minusDays(7));
    write(storedDir, stored.get(D3));

    first = run(warehouse, ref, storedDir, "run1");
    second = run(warehouse, ref, storedDir, "run2");
  }

  private static Map<String, ReleasedValue> run(
      Path warehouse, java.nio.file.Path ref, Path storedDir, String name) throws Exception {
    Configuration conf = localConf(name);
    ReleaseConfig config =
        new ReleaseConfig(
            warehouse,
            new Path(ref.toUri()),
            List.of(D1, D2, D3),
            Set.of(D3),
            PrivacyParams.DEFAULT,
            2);
    Path staging = new Path(tmp.resolve(name).toUri());
    List<Path> events =
        List.of(
            new Path(warehouse, "events/dt=" + D1),
            new Path(warehouse, "events/dt=" + D2),
            new Path(warehouse, "events/dt=" + D3));
    ReleaseKey key = ReleaseKey.of(SECRET);
    Job bound = BoundJob.create(conf, config, events, new Path(staging, "bound"), key);
    assertTrue(bound.waitForCompletion(false), "bound job");
    assertTrue(
        bound.getConfiguration().get(ReleaseKey.ALIAS.toString()) == null, "secret not in job.xml");
    Job release =
        ReleaseJob.create(
            conf,
            config,
            new Path(staging, "bound/" + BoundJob.CONTRIBUTIONS),
            PC4S,
            Map.of(D3, storedDir),
            new Path(staging, "release"),
            key);
    assertTrue(release.waitForCompletion(false), "release job");
    if (boundStats == null) {
      boundStats = stats(tmp.resolve(name).resolve("bound/contributions/stats"));
    }
    return read(tmp.resolve(name).resolve("release/release"));
  }

  @Test
  void everyPublicMemberOfEveryGazetteerPc4IsReleasedOnEveryDate() {
    for (LocalDate d : List.of(D1, D2, D3)) {
      for (int pc4 : PC4S) {
        long total =
            first.keySet().stream().filter(k -> k.startsWith(d + "/" + pc4 + "/TOTAL")).count();
        long hours =
            first.keySet().stream().filter(k -> k.startsWith(d + "/" + pc4 + "/HOUR")).count();
        long sbis =
            first.keySet().stream().filter(k -> k.startsWith(d + "/" + pc4 + "/SBI")).count();
        assertEquals(1, total, d + " " + pc4);
        assertEquals(24, hours, d + " " + pc4);
        assertEquals(SBI.size(), sbis, d + " " + pc4 + ": sbi.csv and every merchant's code");
      }
    }
  }

  @Test
  void aRerunOnUnchangedInputIsIdentical() {
    assertEquals(first.keySet(), second.keySet());
    first.forEach((k, v) -> assertEquals(v, second.get(k), k));
  }

  @Test
  void deltasAreTheWeekBeforesReleasedValues() {
    first.forEach(
        (k, v) -> {
          if (v.getDate().equals(D1)) {
            assertNull(v.getDelta(), "no baseline for " + k);
          }
          if (v.getDate().equals(D2)) {
            ReleasedValue week = first.get(k.replaceFirst("^" + D2, D1.toString()));
            if (week != null && week.getReleased()) {
              assertEquals(week.getHits(), v.getDelta(), k);
              assertEquals(week.getHitsScale(), v.getDeltaScale(), k);
            } else {
              assertEquals(0L, v.getDelta(), k + ": not released on D1, delta 0 exactly");
            }
          }
        });
    ReleasedValue total = first.get(D3 + "/1011/TOTAL/null/null/null");
    assertEquals(77L, total.getDelta(), "D3's baseline is the stored release");
    assertEquals(28.5, total.getDeltaScale());
    ReleasedValue cell = first.get(D3 + "/1011/CELL/20/1/56");
    assertNotNull(cell, "the cell released on D3-7 is kept for its delta");
    assertEquals(500L, cell.getDelta());
    assertEquals(
        0L,
        first.get(D3 + "/1012/TOTAL/null/null/null").getDelta(),
        "a stored baseline without the pc4: 0");
  }

  @Test
  void theHeavyUserIsBoundedAndCounted() {
    assertEquals(2990L, boundStats.get(D2 + "\tevents_dropped"));
    assertEquals(1L, boundStats.get(D2 + "\tusers_touched"));
    assertEquals(31L, boundStats.get(D2 + "\tusers"));
    assertEquals(0L, boundStats.get(D1 + "\tevents_dropped"));
    // Whatever the noise, 3,000 events would be far outside the margins: the total of 1013 on
    // D2 holds at most 10 of them (plus noise of scale 10 / 0.35).
    assertTrue(first.get(D2 + "/1013/TOTAL/null/null/null").getHits() < 10 + 28.6 * 12);
  }

  @Test
  void theContributionsHoldNoUserKey() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.walk(tmp.resolve("run1/bound/contributions"))) {
      for (java.nio.file.Path f :
          files.filter(p -> p.getFileName().toString().startsWith("part-r")).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        byte[] heavy = userKey(999).bytes();
        assertFalse(indexOf(bytes, heavy) >= 0, "user key in " + f);
      }
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static Configuration localConf(String name) {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.cluster.local.dir", tmp.resolve(name + "-mr-local").toString());
    conf.set("hadoop.tmp.dir", tmp.resolve(name + "-hadoop-tmp").toString());
    return conf;
  }

  private static void events(
      List<AnonymizedEvent> out,
      LocalDate date,
      int hour,
      int pc4,
      int activity,
      String sbi,
      int user,
      int times) {
    for (int i = 0; i < times; i++) {
      out.add(
          AnonymizedEvent.newBuilder()
              .setDate(date)
              .setHour(hour)
              .setPc4(pc4)
              .setActivity(activity)
              .setSbi(sbi)
              .setUserKey(userKey(user))
              .build());
    }
  }

  static UserKey userKey(int user) {
    return new UserKey(
        ByteBuffer.allocate(16).putLong(0x5EED_0000L + user).putLong(~(long) user).array());
  }

  private static ReleasedValue released(
      LocalDate d,
      int pc4,
      Level l,
      Integer hour,
      Integer activity,
      String sbi,
      long hits,
      double scale) {
    return ReleasedValue.newBuilder()
        .setDate(d)
        .setPc4(pc4)
        .setLevel(l)
        .setHour(hour)
        .setActivity(activity)
        .setSbi(sbi)
        .setReleased(true)
        .setHits(hits)
        .setHitsScale(scale)
        .setDelta(null)
        .setDeltaScale(null)
        .build();
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> void write(
      Path dir, List<T> records) throws IOException {
    try (ParquetWriter<T> w =
        AvroParquetWriter.<T>builder(
                HadoopOutputFile.fromPath(
                    new Path(dir, "part-m-00000.parquet"), new Configuration()))
            .withSchema(records.get(0).getSchema())
            .withDataModel(AggregateDataSupplier.model())
            .build()) {
      for (T r : records) {
        w.write(r);
      }
    }
  }

  private static Map<String, ReleasedValue> read(java.nio.file.Path dir) throws IOException {
    Map<String, ReleasedValue> out = new TreeMap<>();
    try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        String dirDate = f.getParent().getFileName().toString().substring("dt=".length());
        try (ParquetReader<ReleasedValue> r =
            AvroParquetReader.<ReleasedValue>builder(
                    HadoopInputFile.fromPath(new Path(f.toUri()), new Configuration()))
                .withDataModel(AggregateDataSupplier.model())
                .build()) {
          for (ReleasedValue v = r.read(); v != null; v = r.read()) {
            assertEquals(dirDate, v.getDate().toString(), "value in the wrong partition");
            String k =
                v.getDate()
                    + "/"
                    + v.getPc4()
                    + "/"
                    + v.getLevel()
                    + "/"
                    + v.getHour()
                    + "/"
                    + v.getActivity()
                    + "/"
                    + v.getSbi();
            assertNull(out.put(k, v), "duplicate " + k);
          }
        }
      }
    }
    return out;
  }

  private static Map<String, Long> stats(java.nio.file.Path dir) throws IOException {
    Map<String, Long> sums = new TreeMap<>();
    try (Stream<java.nio.file.Path> files = Files.list(dir)) {
      for (java.nio.file.Path f :
          files.filter(p -> p.getFileName().toString().matches("part-r-\\d{5}")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          sums.merge(parts[0] + "\t" + parts[1], Long.parseLong(parts[2]), Long::sum);
        }
      }
    }
    return sums;
  }
}
