package nl.datapoints.etl.enrich;

import static nl.datapoints.etl.enrich.Fixtures.concat;
import static nl.datapoints.etl.enrich.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real enrich job in Hadoop local mode on a tiny gzip input with good and bad lines. */
class EnrichJobLocalTest {
  @TempDir static Path tmp;
  static Path staging;
  static Job job;
  static String gzFile;

  static final String LONG_FIELD = "x".repeat(70_000);

  @BeforeAll
  static void runJob() throws Exception {
    Path raw = tmp.resolve("raw");
    Path ref = tmp.resolve("ref");
    Fixtures.writeReference(ref);
    Path day1 = Files.createDirectories(raw.resolve("dt=2013-01-08"));
    Path day2 = Files.createDirectories(raw.resolve("dt=2013-01-09"));
    byte[] content =
        concat(
            utf8("2013-01-08T12:03:11+01:00\tuser-1\t10.1.2.3\t1017 AB\t42\t7\n"), // 1 event
            utf8("2013-01-08T11:03:11.250Z\tuser-2\t2001:db8::1\t1012xy\t43\t1\n"), // 2 event
            utf8("\n"), // 3 empty
            utf8("yesterday\tuser-1\t10.1.2.3\t1017AB\t42\t7\n"), // 4 BAD_TIMESTAMP
            utf8(
                "2013-01-08T12:00:00Z\tuser-1\t"
                    + LONG_FIELD
                    + "\t1017AB\t42\t7\n"), // 5 LINE_TOO_LONG
            concat(
                utf8("2013-01-08T12:00:00Z\tus"),
                new byte[] {(byte) 0xC3, 0x28},
                utf8("\t-\t1017AB\t42\t7\n")), // 6 ENCODING
            utf8("2013-01-08T23:30:00+01:00\tuser-3\t-\t9999\t42\t2\r\n"), // 7 event (CRLF)
            utf8("2013-01-08T12:00:00Z\tuser-1\t-\t1017AB\t77\t7\n"), // 8 UNKNOWN_MERCHANT
            utf8("2013-01-09T00:30:00+01:00\tuser-1\t-\t1017AB\t42\t7")); // 9 OUT_OF_PARTITION
    Path gz = day1.resolve("part-0.tsv.gz");
    Files.write(gz, Fixtures.gzip(content));
    gzFile = gz.toUri().getPath();
    Files.write(
        day2.resolve("events.tsv"), utf8("2013-01-09T00:30:00+01:00\tuser-1\t-\t1017AB\t42\t7\n"));
    Files.write(day2.resolve("README.txt"), utf8("not a raw file\n"));

    Configuration conf = localConf(tmp);
    staging = tmp.resolve("staging");
    EnrichConfig config =
        new EnrichConfig(
            new org.apache.hadoop.fs.Path(raw.toUri()),
            new org.apache.hadoop.fs.Path(ref.toUri()),
            List.of(LocalDate.parse("2013-01-08"), LocalDate.parse("2013-01-09")),
            false);
    job =
        EnrichJob.create(
            conf, config, new org.apache.hadoop.fs.Path(staging.toUri()), Fixtures.KEY);
    assertTrue(job.waitForCompletion(false), "enrich job failed");
  }

  static Configuration localConf(Path tmp) {
    Configuration conf = new Configuration(false);
    conf.addResource("core-default.xml");
    conf.addResource("mapred-default.xml");
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("hadoop.tmp.dir", tmp.resolve("hadoop-tmp").toString());
    return conf;
  }

  @Test
  void writesEventsParquetPerDateWithLocalHourAndPseudonym() throws Exception {
    List<GenericRecord> day1 = readEvents(staging.resolve("events/dt=2013-01-08"));
    List<String> got =
        day1.stream()
            .map(
                r ->
                    r.get("date")
                        + "/"
                        + r.get("hour")
                        + "/"
                        + r.get("pc4")
                        + "/"
                        + r.get("activity")
                        + "/"
                        + r.get("sbi"))
            .sorted()
            .collect(Collectors.toList());
    int epochDay = (int) LocalDate.parse("2013-01-08").toEpochDay();
    assertEquals(
        List.of(
            epochDay + "/12/1012/1/56", epochDay + "/12/1017/7/4711", epochDay + "/23/9999/2/4711"),
        got);
    GenericRecord user1 =
        day1.stream().filter(r -> (int) r.get("pc4") == 1017).findFirst().orElseThrow();
    assertArrayEquals(expectedKey("user-1"), ((GenericData.Fixed) user1.get("user_key")).bytes());

    List<GenericRecord> day2 = readEvents(staging.resolve("events/dt=2013-01-09"));
    assertEquals(1, day2.size());
    assertEquals(0, day2.get(0).get("hour"));
  }

  @Test
  void namesFilesAsTheContractSays() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(staging)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> staging.relativize(p).toString())
          .filter(n -> !n.endsWith(".crc") && !n.equals("_SUCCESS"))
          .map(n -> n.replaceAll("part-m-\\d{5}", "part-m-NNNNN"))
          .forEach(names::add);
    }
    assertEquals(
        Set.of(
            "events/dt=2013-01-08/part-m-NNNNN.parquet",
            "events/dt=2013-01-09/part-m-NNNNN.parquet",
            "quarantine/dt=2013-01-08/part-m-NNNNN",
            "stats/part-m-NNNNN"),
        names);
  }

  @Test
  void quarantinesBadLinesWithReasonSourceAndLineNumber() throws IOException {
    List<String> lines = readText(staging.resolve("quarantine/dt=2013-01-08"));
    List<String> heads = new ArrayList<>();
    for (String l : lines) {
      String[] f = l.split("\t", 4);
      assertEquals(gzFile, new org.apache.hadoop.fs.Path(f[1]).toUri().getPath());
      heads.add(f[0] + ":" + f[2]);
    }
    heads.sort(null);
    assertEquals(
        List.of(
            "BAD_TIMESTAMP:4",
            "ENCODING:6",
            "LINE_TOO_LONG:5",
            "OUT_OF_PARTITION:9",
            "UNKNOWN_MERCHANT:8"),
        heads);
    String tooLong =
        lines.stream().filter(l -> l.startsWith("LINE_TOO_LONG")).findFirst().orElseThrow();
    assertTrue(tooLong.length() < 66_000, "too-long line is kept as a bounded prefix");
    assertTrue(
        lines.stream().anyMatch(l -> l.endsWith("2013-01-08T12:00:00Z\tuser-1\t-\t1017AB\t77\t7")));
  }

  @Test
  void quarantineKeepsInvalidUtf8BytesAsTheyWere() throws IOException {
    byte[] all;
    try (Stream<Path> files = Files.list(staging.resolve("quarantine/dt=2013-01-08"))) {
      Path part =
          files
              .filter(p -> p.getFileName().toString().startsWith("part-"))
              .findFirst()
              .orElseThrow();
      all = Files.readAllBytes(part);
    }
    byte[] needle = concat(utf8("\tus"), new byte[] {(byte) 0xC3, 0x28}, utf8("\t-\t"));
    assertTrue(indexOf(all, needle) >= 0, "raw bytes of the ENCODING line are preserved");
  }

  @Test
  void statsAddUpPerDate() throws IOException {
    List<String> stats = readText(staging.resolve("stats"));
    assertEquals(
        new TreeSet<>(
            List.of(
                "2013-01-08\tlines_read\t9",
                "2013-01-08\tevents\t3",
                "2013-01-08\tempty_lines\t1",
                "2013-01-08\tquarantined:BAD_TIMESTAMP\t1",
                "2013-01-08\tquarantined:LINE_TOO_LONG\t1",
                "2013-01-08\tquarantined:ENCODING\t1",
                "2013-01-08\tquarantined:UNKNOWN_MERCHANT\t1",
                "2013-01-08\tquarantined:OUT_OF_PARTITION\t1",
                "2013-01-09\tlines_read\t1",
                "2013-01-09\tevents\t1",
                "2013-01-09\tempty_lines\t0")),
        new TreeSet<>(stats));
    assertEquals(10, job.getCounters().findCounter(EnrichCounters.LINES_READ).getValue());
    assertEquals(4, job.getCounters().findCounter(EnrichCounters.EVENTS).getValue());
    assertEquals(1, job.getCounters().findCounter(EnrichCounters.QUARANTINED_ENCODING).getValue());
  }

  @Test
  void noEventFileHoldsARawUserIdIpOrPc6() throws IOException {
    List<byte[]> forbidden =
        Stream.of(
                "user-1",
                "user-2",
                "user-3",
                "10.1.2.3",
                "2001:db8::1",
                "1017 AB",
                "1017AB",
                "1012xy",
                "1012XY")
            .map(Fixtures::utf8)
            .toList();
    try (Stream<Path> files = Files.walk(staging.resolve("events"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(f);
        for (byte[] bad : forbidden) {
          assertFalse(
              indexOf(content, bad) >= 0,
              f + " contains " + new String(bad, StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Test
  void keepsTheHmacKeyOutOfTheJobConfiguration() {
    String hex = HexFormat.of().formatHex(Fixtures.keyBytes());
    for (var entry : job.getConfiguration()) {
      assertFalse(entry.getValue().contains(hex), entry.getKey() + " holds the key");
    }
  }

  static byte[] expectedKey(String user) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Fixtures.keyBytes(), "HmacSHA256"));
    return Arrays.copyOf(mac.doFinal(utf8(user)), 16);
  }

  static List<GenericRecord> readEvents(Path dir) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        try (ParquetReader<GenericRecord> reader =
            AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(
                        new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))
                .withDataModel(GenericData.get())
                .build()) {
          GenericRecord r;
          while ((r = reader.read()) != null) {
            out.add(r);
          }
        }
      }
    }
    return out;
  }

  static List<String> readText(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        out.addAll(Files.readAllLines(f, StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
