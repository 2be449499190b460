package nl.datapoints.etl.dist;

import static nl.datapoints.etl.dist.RawDataset.D1;
import static nl.datapoints.etl.dist.RawDataset.D2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.datapoints.etl.Main;
import nl.datapoints.etl.aggregate.AggregateCounters;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.etl.e2e.ReleaseChecks;
import nl.datapoints.etl.enrich.EnrichCounters;
import nl.datapoints.etl.release.ReleaseCounters;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Margins;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.apache.hadoop.hbase.StartMiniClusterOption;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.jobhistory.JobHistoryParser;
import org.apache.hadoop.mapreduce.jobhistory.JobHistoryParser.TaskAttemptInfo;
import org.apache.hadoop.mapreduce.jobhistory.JobHistoryParser.TaskInfo;
import org.apache.hadoop.util.ToolRunner;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real driver ({@code backfill} through {@link Main} and {@link ToolRunner}) against a mini
 * HDFS + mini YARN (MapReduce on YARN, tasks in their own JVMs) + HBase-on-HDFS cluster, all in
 * this JVM and on loopback: raw logs and reference data on HDFS, warehouse on HDFS, the HMAC key
 * and the release secret in local files (they must reach the tasks through the job credentials),
 * HBase via {@code --zookeeper}. Five jobs per run (enrich, aggregate, bound, release, HFile).
 * Checks what a real cluster run must produce, value by value: the release's domain, deltas and
 * accounting exactly, its noisy values within their margins, and HBase rows that decode to exactly
 * the released values.
 */
class DistributedPipelineIT {
  /**
   * STACK.md's Java 17 flags, passed to the AM and task JVMs as a Java 17 cluster's mapred-site.xml
   * would. (Tried once without them: enrich, aggregate and the HFile job still ran, so the jobs do
   * not depend on them; the client and the HBase servers do.)
   */
  static final String JAVA17 =
      "--add-opens java.base/java.lang=ALL-UNNAMED"
          + " --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
          + " --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang.reflect=ALL-UNNAMED"
          + " --add-opens java.base/java.util.concurrent=ALL-UNNAMED"
          + " --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true";

  /** Small, quick-starting task JVMs for a 2-core machine. */
  static final String TASK_JVM = "-Xmx300m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto ";

  static final String TABLE = "datapoints_dist";
  static final String HEX_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  static final String RELEASE_HEX_KEY =
      "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

  /** The jobs of one run, in the order of their YARN application names. */
  static final List<String> STAGES = List.of("aggregate", "bound", "enrich", "publish", "release");

  private static HBaseTestingUtility util;
  private static Configuration clusterConf;
  private static FileSystem hdfs;
  private static Path raw;
  private static Path ref;
  private static Path warehouse;
  private static final RawDataset DATA = new RawDataset();

  @TempDir static java.nio.file.Path tmp;

  @BeforeAll
  static void startCluster() throws Exception {
    long t0 = System.nanoTime();
    util = new HBaseTestingUtility();
    Configuration c = util.getConfiguration();
    c.setInt("hbase.master.info.port", -1);
    c.setInt("hbase.regionserver.info.port", -1);
    c.set("hbase.zookeeper.quorum", "localhost");
    // YARN sized for 2 cores / 24 GB shared with others: 2 NMs of 2 GB, 512 MB containers.
    c.setInt(YarnConfiguration.NM_PMEM_MB, 2048);
    c.setInt(YarnConfiguration.NM_VCORES, 4);
    c.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    c.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 1024);
    c.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    c.set(YarnConfiguration.NM_DISK_HEALTH_CHECK_ENABLE, "false");
    c.setInt("mapreduce.map.memory.mb", 512);
    c.setInt("mapreduce.reduce.memory.mb", 512);
    c.setInt("yarn.app.mapreduce.am.resource.mb", 512);
    c.set("mapreduce.map.java.opts", TASK_JVM + JAVA17);
    c.set("mapreduce.reduce.java.opts", TASK_JVM + JAVA17);
    c.set("yarn.app.mapreduce.am.command-opts", TASK_JVM + JAVA17);
    c.setInt("mapreduce.task.io.sort.mb", 32);
    // Containers are handed out on node heartbeats: beat faster than the 1 s default.
    c.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 250);
    c.setLong("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", 250);
    // One retry for map tasks: the D2 run injects a failure into the first attempt of one map
    // task of the enrich, aggregate, bound and release jobs. A second failure, and any reduce or
    // AM failure, fails fast.
    c.setInt("mapreduce.map.maxattempts", 2);
    c.setInt("mapreduce.reduce.maxattempts", 1);
    c.setInt("mapreduce.am.max-attempts", 1);
    c.setInt("yarn.resourcemanager.am.max-attempts", 1);

    util.startMiniCluster(
        StartMiniClusterOption.builder().numRegionServers(1).numDataNodes(1).build());
    long t1 = System.nanoTime();
    util.startMiniMapReduceCluster();
    clusterConf = util.getConfiguration();
    System.out.printf(
        "CLUSTER HDFS+ZK+HBase %.1f s, YARN+MR %.1f s%n",
        (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);

    hdfs = util.getDFSCluster().getFileSystem();
    Path root = hdfs.makeQualified(new Path("/datapoints"));
    raw = new Path(root, "raw");
    ref = new Path(root, "ref");
    warehouse = new Path(root, "wh");
    write(new Path(raw, "dt=" + D1 + "/events-0001.tsv.gz"), RawDataset.gzip(DATA.gz.get(D1)));
    write(new Path(raw, "dt=" + D2 + "/events-0001.tsv.gz"), RawDataset.gzip(DATA.gz.get(D2)));
    write(new Path(raw, "dt=" + D2 + "/events-0002.tsv"), RawDataset.text(DATA.plain.get(D2)));
    write(new Path(ref, "postcodes.csv"), RawDataset.POSTCODES.getBytes(StandardCharsets.UTF_8));
    write(new Path(ref, "merchants.csv"), RawDataset.MERCHANTS.getBytes(StandardCharsets.UTF_8));
    write(new Path(ref, "sbi.csv"), RawDataset.SBI.getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (util != null) {
      util.shutdownMiniMapReduceCluster();
      util.shutdownMiniCluster();
    }
  }

  private static void write(Path p, byte[] bytes) throws IOException {
    try (OutputStream out = hdfs.create(p, true)) {
      out.write(bytes);
    }
  }

  @Test
  @Timeout(900)
  void backfillRunsEnrichAggregateReleasePublishOnYarnAndHdfs() throws Exception {
    assertEquals("yarn", clusterConf.get("mapreduce.framework.name"));
    assertEquals("hdfs", hdfs.getUri().getScheme());
    java.nio.file.Path keyFile = tmp.resolve("hmac.key");
    Files.writeString(keyFile, HEX_KEY + "\n");
    java.nio.file.Path releaseKeyFile = tmp.resolve("release.key");
    Files.writeString(releaseKeyFile, RELEASE_HEX_KEY + "\n");
    String zookeeper = "localhost:" + util.getZkCluster().getClientPort();

    // Two runs: D1, then D2 whose delta comes from D1's published aggregates on HDFS. (One
    // backfill D1..D2 would need raw partitions for the six dates in between.)
    String[] common = {
      "--raw",
      raw.toString(),
      "--ref",
      ref.toString(),
      "--warehouse",
      warehouse.toString(),
      "--hmac-key-file",
      keyFile.toString(),
      "--release-key-file",
      releaseKeyFile.toString(),
      "--zookeeper",
      zookeeper,
      "--table",
      TABLE,
      "--max-bad-fraction",
      "0.5"
    };
    runDriver(concat(new String[] {"run", "--date", D1.toString()}, common), Map.of());
    // The D2 run also shows task retry: map task 0 of the enrich job (one of D2's two raw
    // files), of the aggregate job (D2's events or D1's cells), of the bound job (D2's events)
    // and of the release job (the pc4 domain, the contributions or D1's release) fails on its
    // first attempt after writing all its output; YARN runs it again and the run must not notice.
    runDriver(
        concat(new String[] {"backfill", "--from", D2.toString(), "--to", D2.toString()}, common),
        Map.of(FaultInjection.FAIL_FIRST_ATTEMPT, "enrich,aggregate,bound,release"));

    assertJobsRanOnYarn();
    assertInjectedFailuresWereRetried();
    assertWarehouse();
    assertRelease();
    assertQuarantine();
    assertNoStagingOrAttemptLeftovers();
    assertHBase();
    assertNoSecretsOrPersonalDataOutsideTheRawZone();
    assertJobConfsShipTheJars();
  }

  private static void runDriver(String[] args, Map<String, String> settings) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Configuration conf = new Configuration(clusterConf);
    settings.forEach(conf::set);
    long t0 = System.nanoTime();
    int status =
        ToolRunner.run(
            conf,
            new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)),
            args);
    double seconds = (System.nanoTime() - t0) / 1e9;
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    System.out.println(stdout);
    System.out.println(stderr);
    System.out.printf("PIPELINE %s %s on YARN: %.1f s%n", args[0], args[2], seconds);
    assertEquals(0, status, "exit status of " + String.join(" ", args) + "; stderr: " + stderr);
    assertFalse((stdout + stderr).contains(HEX_KEY), "the secret is never printed");
    assertFalse((stdout + stderr).contains(RELEASE_HEX_KEY), "nor the release secret");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Every stage was a YARN application (not the local runner) and succeeded. */
  private static void assertJobsRanOnYarn() throws Exception {
    try (YarnClient yarn = YarnClient.createYarnClient()) {
      yarn.init(clusterConf);
      yarn.start();
      List<String> names = new ArrayList<>();
      for (ApplicationReport app : yarn.getApplications(Set.of("MAPREDUCE"))) {
        assertEquals(
            FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), app.getName());
        names.add(app.getName());
        System.out.printf(
            "YARN %s %s: %s, %.1f s%n",
            app.getApplicationId(),
            app.getName(),
            app.getFinalApplicationStatus(),
            (app.getFinishTime() - app.getStartTime()) / 1e3);
      }
      names.sort(null);
      assertEquals(
          2 * STAGES.size(), names.size(), "one YARN application per job and run: " + names);
      for (int i = 0; i < names.size(); i++) {
        String stage = STAGES.get(i / 2);
        LocalDate date = i % 2 == 0 ? D1 : D2;
        assertTrue(names.get(i).startsWith("datapoints " + stage + " " + date), names.toString());
      }
    }
  }

  /**
   * From the job history files the AMs wrote to HDFS: in the D2 run, map task 0 of the enrich,
   * aggregate, bound and release jobs failed once with the injected fault and its second attempt
   * succeeded; no other task attempt of any job failed. The jobs' counter totals take the
   * successful attempts only: they match the input exactly, as the run report (read from committed
   * side files, see {@link #assertWarehouse}) must.
   */
  private static void assertInjectedFailuresWereRetried() throws Exception {
    Map<String, JobHistoryParser.JobInfo> jobs = jobHistories();
    assertEquals(2 * STAGES.size(), jobs.size(), "job histories: " + jobs.keySet());
    for (Map.Entry<String, JobHistoryParser.JobInfo> e : jobs.entrySet()) {
      String name = e.getKey();
      JobHistoryParser.JobInfo job = e.getValue();
      String stage = name.split(" ")[1];
      LocalDate date = LocalDate.parse(name.split(" ")[2]);
      boolean injected = date.equals(D2) && !stage.equals("publish");
      Counters total = job.getTotalCounters();
      assertEquals("SUCCEEDED", job.getJobStatus(), name);
      assertEquals(
          injected ? 1 : 0,
          total.findCounter(JobCounter.NUM_FAILED_MAPS).getValue(),
          name + " failed maps");
      assertEquals(
          0, total.findCounter(JobCounter.NUM_FAILED_REDUCES).getValue(), name + " failed reduces");

      TaskID task0 = new TaskID(job.getJobId(), TaskType.MAP, 0);
      // Ids as strings: the history's are org.apache.hadoop.mapred ids, and ids of different
      // classes are never equal.
      List<String> failed = new ArrayList<>();
      for (TaskInfo task : job.getAllTasks().values()) {
        assertEquals("SUCCEEDED", task.getTaskStatus(), name + " " + task.getTaskId());
        for (TaskAttemptInfo a : task.getAllTaskAttempts().values()) {
          // (A KILLED attempt, e.g. a speculative one, is no failure and changes nothing either.)
          if ("FAILED".equals(a.getTaskStatus())) {
            failed.add(a.getAttemptId().toString());
            System.out.printf("ATTEMPT %s %s FAILED: %s%n", name, a.getAttemptId(), a.getError());
            assertTrue(
                a.getError() != null && a.getError().contains("injected fault"),
                name + " " + a.getAttemptId() + " failed for another reason: " + a.getError());
          }
        }
      }
      String first = new TaskAttemptID(task0, 0).toString();
      assertEquals(injected ? List.of(first) : List.of(), failed, name + " failed attempts");
      if (injected) {
        TaskInfo t =
            job.getAllTasks().values().stream()
                .filter(ti -> ti.getTaskId().toString().equals(task0.toString()))
                .findFirst()
                .orElseThrow();
        String retry = t.getSuccessfulAttemptId().toString();
        System.out.printf("RETRY %s task 0: %s failed, %s succeeded%n", name, first, retry);
        assertTrue(
            retry.startsWith(task0.toString().replace("task_", "attempt_") + "_")
                && !retry.equals(first),
            name + " task 0 succeeded with a later attempt: " + retry);
        // (The failed attempt's own counters are not in the history: a task failing in cleanup()
        // sends no final status. That it did its work first is MRUnit-tested per mapper.)
      }
      RawDataset.DateModel m = DATA.model(date);
      if (stage.equals("enrich")) {
        assertEquals(
            m.lines(),
            total.findCounter(EnrichCounters.LINES_READ).getValue(),
            name + " LINES_READ");
        assertEquals(
            m.events(), total.findCounter(EnrichCounters.EVENTS).getValue(), name + " EVENTS");
      } else if (stage.equals("aggregate")) {
        assertEquals(
            m.events(),
            total.findCounter(AggregateCounters.EVENTS_READ).getValue(),
            name + " EVENTS_READ");
      } else if (stage.equals("bound")) {
        assertEquals(
            m.events(),
            total.findCounter(ReleaseCounters.EVENTS_READ).getValue(),
            name + " EVENTS_READ");
        assertEquals(
            DATA.userDays(date),
            total.findCounter(ReleaseCounters.USER_DAYS).getValue(),
            name + " USER_DAYS");
      } else if (stage.equals("release")) {
        assertEquals(
            PUBLIC_VALUES,
            total.findCounter(ReleaseCounters.VALUES_RELEASED).getValue(),
            name + " VALUES_RELEASED");
      }
    }
  }

  /** Every job's parsed history file ({@code .jhist}), by job name. */
  private static Map<String, JobHistoryParser.JobInfo> jobHistories() throws IOException {
    for (int tries = 1; ; tries++) {
      Map<String, JobHistoryParser.JobInfo> jobs = new TreeMap<>();
      try {
        var it = hdfs.listFiles(new Path("/"), true);
        while (it.hasNext()) {
          Path p = it.next().getPath();
          if (p.getName().endsWith(".jhist")) {
            JobHistoryParser parser = new JobHistoryParser(hdfs, p);
            JobHistoryParser.JobInfo info = parser.parse();
            assertNull(parser.getParseException(), "parsing " + p);
            jobs.put(info.getJobname(), info);
          }
        }
        return jobs;
      } catch (FileNotFoundException e) {
        // The history server moved a file from the intermediate to the done dir meanwhile.
        if (tries == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Neither run left anything of its jobs under the raw zone or the warehouse: no staging, no task
   * attempt directories (the failed attempts' output included), no task failure notes.
   */
  private static void assertNoStagingOrAttemptLeftovers() throws IOException {
    List<String> left = new ArrayList<>();
    var it = hdfs.listFiles(new Path("/datapoints"), true);
    while (it.hasNext()) {
      String path = it.next().getPath().toUri().getPath();
      if (path.contains("/_staging/")
          || path.contains("/_publish/")
          || path.contains("/_temporary/")
          || path.contains("/_task-failures/")) {
        left.add(path);
      }
    }
    assertEquals(List.of(), left, "left behind by the runs");
  }

  private static void assertWarehouse() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HexFormat.of().parseHex(HEX_KEY), "HmacSHA256"));
    for (LocalDate d : List.of(D1, D2)) {
      RawDataset.DateModel m = DATA.model(d);
      JsonNode report;
      try (InputStream in = hdfs.open(new Path(warehouse, "reports/dt=" + d + "/latest.json"))) {
        report = json.readTree(in);
      }
      assertEquals("SUCCEEDED", report.get("status").asText(), report.toString());
      assertTrue(report.get("published").asBoolean(), report.toString());
      long lines = report.get("lines_read").asLong();
      long events = report.get("events").asLong();
      long empty = report.get("empty_lines").asLong();
      long quarantined = 0;
      for (JsonNode n : report.get("quarantined")) {
        quarantined += n.asLong();
      }
      assertEquals(lines, events + quarantined + empty, "accounting identity " + report);
      assertEquals(m.lines(), lines, d + " lines_read");
      assertEquals(m.events(), events, d + " events");
      assertEquals(m.empty(), empty, d + " empty_lines");
      assertEquals(m.quarantined(), quarantined, d + " quarantined");
      Map<RawDataset.Key, Long> published = DATA.published(d);
      // Cells published on D-7 but not on D count too: they are published with hits 0.
      long cells =
          DATA.expectedRows(d, d.equals(D1) ? null : D1).values().stream()
              .mapToLong(List::size)
              .sum();
      assertEquals(cells, report.get("cells_published").asLong(), d + " cells_published");
      assertEquals(
          published.values().stream().mapToLong(Long::longValue).sum(),
          report.get("hits_published").asLong(),
          d + " hits_published");
      long suppressedCells =
          m.hits().keySet().stream().filter(k -> !published.containsKey(k)).count();
      long suppressedHits =
          m.hits().entrySet().stream()
              .filter(e -> !published.containsKey(e.getKey()))
              .mapToLong(Map.Entry::getValue)
              .sum();
      assertEquals(1, suppressedCells, d + " the data has one suppressed cell per date");
      assertEquals(
          suppressedCells, report.get("cells_suppressed").asLong(), d + " cells_suppressed");
      assertEquals(suppressedHits, report.get("hits_suppressed").asLong(), d + " hits_suppressed");
      assertEquals(
          d.equals(D1), report.get("baseline_missing").asBoolean(), d + " baseline_missing");

      // Events: Parquet on HDFS, pseudonymised with the key the tasks got from the credentials.
      Set<String> expectedKeys = new HashSet<>();
      m.users()
          .values()
          .forEach(
              us ->
                  us.forEach(
                      u ->
                          expectedKeys.add(
                              HexFormat.of()
                                  .formatHex(
                                      mac.doFinal(u.getBytes(StandardCharsets.UTF_8)), 0, 16))));
      Set<String> keys = new HashSet<>();
      long n = 0;
      for (Path p : files(new Path(warehouse, "events/dt=" + d), ".parquet")) {
        try (ParquetReader<GenericRecord> r =
            AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(p, clusterConf))
                .build()) {
          for (GenericRecord rec; (rec = r.read()) != null; n++) {
            keys.add(HexFormat.of().formatHex(((GenericFixed) rec.get("user_key")).bytes()));
          }
        }
      }
      assertEquals(m.events(), n, d + " events in Parquet");
      assertEquals(expectedKeys, keys, d + " user keys are HMAC-SHA256(key, user_id)[0..16]");
      assertFalse(
          files(new Path(warehouse, "aggregates/dt=" + d), ".parquet").isEmpty(),
          d + " aggregates partition on HDFS");
    }
  }

  private static void assertQuarantine() throws Exception {
    for (LocalDate d : List.of(D1, D2)) {
      List<String> lines = new ArrayList<>();
      for (Path p : files(new Path(raw, "_quarantine/dt=" + d), "")) {
        try (InputStream in = hdfs.open(p)) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
      }
      assertEquals(DATA.model(d).quarantined(), lines.size(), d + " quarantine lines: " + lines);
      assertEquals(
          lines.size(), new HashSet<>(lines).size(), d + " no quarantine line twice: " + lines);
      for (String l : lines) {
        String[] f = l.split("\t", 4);
        assertEquals(4, f.length, l);
        assertTrue(f[1].contains("dt=" + d), "source file " + f[1]);
        assertTrue(DATA.lines(d).contains(f[3]), "original line kept: " + l);
      }
    }
    Set<String> reasons = new HashSet<>();
    for (LocalDate d : List.of(D1, D2)) {
      for (Path p : files(new Path(raw, "_quarantine/dt=" + d), "")) {
        try (InputStream in = hdfs.open(p)) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .forEach(l -> reasons.add(l.split("\t")[0]));
        }
      }
    }
    assertEquals(
        Set.of(
            "FIELD_COUNT",
            "UNKNOWN_MERCHANT",
            "BAD_POSTCODE",
            "BAD_TIMESTAMP",
            "UNKNOWN_POSTCODE",
            "OUT_OF_PARTITION",
            "BAD_ACTIVITY"),
        reasons);
  }

  /** Public values of a date: every gazetteer pc4 x (TOTAL + 24 hours + every SBI code) = 108. */
  static final int PUBLIC_VALUES =
      RawDataset.PC4_DOMAIN.size() * (1 + 24 + RawDataset.SBI_DOMAIN.size());

  private static List<ReleasedValue> release(LocalDate d) throws IOException {
    return ReleaseChecks.read(clusterConf, new Path(warehouse, "release/dt=" + d));
  }

  /**
   * The release on HDFS: every gazetteer pc4 gets TOTAL, 24 HOUR and every SBI value (zeros
   * included) with the default noise scales; D1 has no baseline, D2's deltas are D1's released
   * values; the reports' bounding and release sections count exactly what the data and the Parquet
   * hold (no user-day here has more than 10 events or 3 cells: nothing bound); the noisy values are
   * within their margins of the true hits for most of them.
   */
  private static void assertRelease() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ReleaseChecks.Coverage coverage = new ReleaseChecks.Coverage();
    for (LocalDate d : List.of(D1, D2)) {
      List<ReleasedValue> values = release(d);
      Map<
              nl.datapoints.schemas.Level,
              Map<nl.datapoints.testkit.ReferenceModel.CellKey, ReleasedValue>>
          m = ReleaseChecks.byMember(values);
      // The public domain and no CELL: partition selection keeps a cell of at most 7 users with a
      // probability of the order of 1e-8.
      assertEquals(PUBLIC_VALUES, values.size(), d + " released values");
      for (int pc4 : RawDataset.PC4_DOMAIN) {
        assertTrue(
            m.get(nl.datapoints.schemas.Level.TOTAL)
                .containsKey(new nl.datapoints.testkit.ReferenceModel.CellKey(-1, pc4, 0, "")),
            d + " TOTAL of " + pc4);
      }
      Map<String, Long> truth = DATA.trueHits(d);
      for (ReleasedValue v : values) {
        String what = d + " " + v;
        assertEquals(ReleaseChecks.DEFAULT_SCALES.get(v.getLevel()), v.getHitsScale(), 1e-9, what);
        assertTrue(v.getReleased(), what);
        assertEquals(d.equals(D2), v.getDelta() != null, what + ": delta with a baseline only");
        var k = ReleaseChecks.member(v);
        String key =
            switch (v.getLevel()) {
              case TOTAL -> "TOTAL/" + v.getPc4();
              case HOUR -> "HOUR/" + v.getPc4() + "/" + k.hour();
              case SBI -> "SBI/" + v.getPc4() + "/" + k.sbi();
              case CELL ->
                  "CELL/" + v.getPc4() + "/" + k.hour() + "/" + k.activity() + "/" + k.sbi();
            };
        double var = ReleaseBlock.variance(v.getHitsScale());
        long t = truth.getOrDefault(key, 0L);
        coverage.add(
            Math.abs(v.getHits() - t) <= Margins.moe95(var, var * var),
            what + ": true " + t + ", moe " + Margins.moe95(var, var * var));
      }
      JsonNode report;
      try (InputStream in = hdfs.open(new Path(warehouse, "reports/dt=" + d + "/latest.json"))) {
        report = json.readTree(in);
      }
      JsonNode manifest;
      try (InputStream in = hdfs.open(new Path(warehouse, "release/dt=" + d + "/_release.json"))) {
        manifest = json.readTree(in);
      }
      JsonNode b = report.get("bounding");
      assertEquals(DATA.userDays(d), b.get("users").asLong(), d + " bounding.users");
      assertEquals(0, b.get("users_touched").asLong(), d + " users_touched");
      assertEquals(0, b.get("events_dropped").asLong(), d + " events_dropped");
      assertEquals(DATA.model(d).events(), b.get("events_kept").asLong(), d + " events_kept");
      JsonNode r = report.get("release");
      assertEquals(values.size(), r.get("values").asLong(), d + " release.values");
      assertEquals(
          values.stream()
              .filter(v -> v.getLevel() == nl.datapoints.schemas.Level.TOTAL)
              .mapToLong(ReleasedValue::getHits)
              .sum(),
          r.get("total_hits").asLong(),
          d + " release.total_hits");
      for (String f : List.of("values", "cells_selected", "total_hits", "digest")) {
        assertEquals(r.get(f), manifest.get(f), d + " manifest " + f);
      }
      assertEquals(1.0, manifest.get("epsilon").asDouble());
      JsonNode p = report.get("privacy");
      assertEquals(1.0, p.get("epsilon_spent").asDouble(), d + " epsilon spent");
      assertEquals(1, p.get("releases").asInt(), d + " releases");
    }
    ReleaseChecks.assertDeltasAre(release(D2), release(D1));
    System.out.println("RELEASE coverage " + coverage.summary());
    coverage.assertMostWithinMargins();
  }

  /**
   * HBase holds, for each date's current generation, one row per released pc4 whose blocks decode
   * to exactly the release on HDFS; the generation counts its values and released total hits and
   * records the release's guarantee.
   */
  private static void assertHBase() throws Exception {
    try (Connection conn = ConnectionFactory.createConnection(clusterConf);
        Table t = conn.getTable(TableName.valueOf(TABLE))) {
      Result pointer = t.get(new Get(StoreLayout.POINTER_ROW));
      Map<LocalDate, Generation> current = new TreeMap<>();
      for (LocalDate d : List.of(D1, D2)) {
        byte[] v = pointer.getValue(StoreLayout.FAMILY, PointerRow.currentQualifier(d));
        assertNotNull(v, "pointer of " + d);
        current.put(d, Generation.parse(v));
      }
      assertTrue(current.get(D1).id() < current.get(D2).id(), "D2 was published by the later run");
      for (LocalDate d : List.of(D1, D2)) {
        Generation g = current.get(d);
        List<ReleasedValue> values = release(d);
        Map<Integer, ReleaseChecks.Row> expected = ReleaseChecks.rowsOf(values);
        Map<Integer, ReleaseChecks.Row> actual = new TreeMap<>();
        try (ResultScanner rs =
            t.getScanner(
                new Scan()
                    .setRowPrefixFilter(RowKey.datePrefix(d))
                    .setTimeRange(g.id(), g.id() + 1)
                    .addFamily(StoreLayout.FAMILY)
                    .addFamily(StoreLayout.ROLLUP_FAMILY))) {
          for (Result r : rs) {
            byte[] cells = r.getValue(StoreLayout.FAMILY, ReleaseBlock.CELLS);
            actual.put(
                RowKey.parse(r.getRow()).pc4(),
                new ReleaseChecks.Row(
                    ReleaseBlock.decode(r.getValue(StoreLayout.ROLLUP_FAMILY, ReleaseBlock.AREA)),
                    cells == null ? null : ReleaseBlock.decode(cells)));
          }
        }
        assertEquals(RawDataset.PC4_DOMAIN, actual.keySet(), d + " one row per gazetteer pc4");
        assertEquals(expected, actual, d + " rows in HBase decode to exactly the release");
        assertEquals(values.size(), g.cells(), d + " generation values");
        assertEquals(
            values.stream()
                .filter(v -> v.getLevel() == nl.datapoints.schemas.Level.TOTAL)
                .mapToLong(ReleasedValue::getHits)
                .sum(),
            g.hits(),
            d + " generation hits");
        assertEquals(d.equals(D1), g.baselineMissing(), d + " baseline missing");
        assertTrue(g.isPrivate(), d + " a private generation");
        assertEquals(1.0, g.privacyEpsilon(), d + " epsilon");
        assertEquals(1e-8, g.privacyDelta(), d + " delta");
        System.out.println(
            "HBASE "
                + d
                + " generation "
                + g.id()
                + ": "
                + actual.size()
                + " rows, "
                + g.cells()
                + " values, hits "
                + g.hits());
      }
    }
  }

  /**
   * Every file on the cluster's HDFS (warehouse, job staging and history with the job confs,
   * HBase's files): none holds the HMAC secret as text, and none outside the raw zone holds a raw
   * user id, IP or PC6 postcode.
   */
  private static void assertNoSecretsOrPersonalDataOutsideTheRawZone() throws IOException {
    String rawZone = raw.toUri().getPath() + "/";
    int scanned = 0;
    var it = hdfs.listFiles(new Path("/"), true);
    while (it.hasNext()) {
      var st = it.next();
      if (st.getLen() > 16 << 20) {
        continue;
      }
      String text;
      try (InputStream in = hdfs.open(st.getPath())) {
        text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        continue; // a file being written (WAL) or removed meanwhile
      }
      scanned++;
      String path = st.getPath().toUri().getPath();
      assertFalse(
          text.toLowerCase(java.util.Locale.ROOT).contains(HEX_KEY), "HMAC secret in " + path);
      assertFalse(
          text.toLowerCase(java.util.Locale.ROOT).contains(RELEASE_HEX_KEY),
          "release secret in " + path);
      if (!path.startsWith(rawZone)) {
        for (String p : DATA.personal) {
          assertFalse(text.contains(p), "raw personal value '" + p + "' in " + path);
        }
      }
    }
    System.out.println("PRIVACY scanned " + scanned + " HDFS files");
    assertTrue(scanned > 20, "scanned " + scanned + " files");
  }

  /**
   * The job configurations as the YARN job history kept them: every job shipped a job jar ({@code
   * setJarByClass}), and the HFile job also HBase's jars ({@code addDependencyJars}).
   */
  private static void assertJobConfsShipTheJars() throws IOException {
    Map<String, Configuration> confs = new TreeMap<>();
    var it = hdfs.listFiles(new Path("/"), true);
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (p.getName().startsWith("job_") && p.getName().endsWith("_conf.xml")) {
        Configuration jc = new Configuration(false);
        try (InputStream in = hdfs.open(p)) {
          jc.addResource(new java.io.ByteArrayInputStream(in.readAllBytes()));
          jc.size();
        }
        confs.put(jc.get("mapreduce.job.name", p.getName()), jc);
      }
    }
    assertEquals(2 * STAGES.size(), confs.size(), "job confs in the history: " + confs.keySet());
    for (Map.Entry<String, Configuration> e : confs.entrySet()) {
      Configuration jc = e.getValue();
      assertEquals("yarn", jc.get("mapreduce.framework.name"), e.getKey());
      String jar = jc.get("mapreduce.job.jar", "");
      assertTrue(jar.endsWith(".jar"), e.getKey() + " job jar: '" + jar + "'");
      if (e.getKey().startsWith("datapoints publish")) {
        String tmpjars = jc.get("tmpjars", "");
        assertTrue(
            tmpjars.contains("hbase-mapreduce") && tmpjars.contains("hbase-client"),
            e.getKey() + " ships HBase's jars: " + tmpjars);
      }
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!hdfs.exists(dir)) {
      return out;
    }
    for (FileStatus st : hdfs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (st.isFile() && name.endsWith(suffix) && !name.startsWith("_") && !name.startsWith(".")) {
        out.add(st.getPath());
      }
    }
    return out;
  }
}
