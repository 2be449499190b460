package nl.datapoints.serving.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.datapoints.serving.MiniHBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero errors from a cold start (issue 8): the service is started in a fresh JVM against a
 * published week (7 regions of dates), and the moment it answers HTTP 64 clients fire area queries
 * at once (1, 3 or 7 dates, up to 10 km, some filtered), two each. Every one must be a 200 with the
 * same answer as later, its sums checked against the cells. The answer cache is on, as shipped and
 * as in the load run this reproduces ({@code scripts/bench/load} right after {@code
 * scripts/quickstart}): the first wave misses it and reads HBase, all 64 at once.
 *
 * <p>Without the start-up warm-up ({@code -Dcoldstart.warmup=false}) this fails: the first queries
 * spend their 1.5 s deadline on the HBase connection set-up, region lookups and cold code, and each
 * reads the pointer row itself because no snapshot of it exists yet.
 */
class ColdStartBurstIT {
  private static final String TABLE = "datapoints_coldstart";
  private static final int CLIENTS = 64;
  private static final int PER_CLIENT = 2;
  private static final GridWeek DATA = new GridWeek();

  @RegisterExtension
  static final MiniHBase HBASE = new MiniHBase(TABLE, GridWeek.splits(), DATA::seed);

  @TempDir static Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void answersABurstOf64ClientsRightAfterStartWithCorrect200s() throws Exception {
    Path ref = GridWeek.writeReference(dir.resolve("ref"));
    List<GridWeek.Query> queries = GridWeek.queries();
    List<LoadClients.Sample> burst = new ArrayList<>();
    Map<String, Long> warmup;
    long startMillis;
    Map<String, String> golden = new HashMap<>();
    List<LoadClients.Sample> later = new ArrayList<>();
    String log;
    long t0 = System.nanoTime();
    try (ServiceProcess service =
        ServiceProcess.start(
            Path.of("target", "it-logs", "coldstart-service.log"),
            Map.of(
                "hbase.zookeeper",
                HBASE.quorum(),
                "hbase.table",
                TABLE,
                "referenceDir",
                ref.toString(),
                "cache.enabled",
                "true",
                "warmup.enabled",
                System.getProperty("coldstart.warmup", "true")))) {
      startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      LoadClients client = new LoadClients(service.app(), "it-key", List.of());
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<LoadClients.Sample>>> fs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          int first = c;
          fs.add(
              pool.submit(
                  () -> {
                    go.await();
                    List<LoadClients.Sample> mine = new ArrayList<>();
                    for (int k = 0; k < PER_CLIENT; k++) {
                      mine.add(client.send(queries.get((first + k * 5) % queries.size()).path()));
                    }
                    return mine;
                  }));
        }
        go.countDown();
        for (Future<List<LoadClients.Sample>> f : fs) {
          burst.addAll(f.get(2, TimeUnit.MINUTES));
        }
      } finally {
        pool.shutdownNow();
      }
      warmup = warmupGauges(service);
      for (GridWeek.Query q : queries) {
        later.add(client.send(q.path()));
      }
      log = service.logTail();
    }

    List<LoadClients.Sample> failed = burst.stream().filter(s -> s.status() != 200).toList();
    assertEquals(CLIENTS * PER_CLIENT, burst.size());
    assertTrue(
        failed.isEmpty(),
        failed.size()
            + " of "
            + burst.size()
            + " burst queries failed right after start "
            + "(service up after "
            + startMillis
            + " ms, warm-up "
            + warmup
            + "): "
            + failed.stream()
                .limit(10)
                .map(String::valueOf)
                .collect(Collectors.joining("\n  ", "\n  ", ""))
            + "\nservice log:\n"
            + log);
    for (int i = 0; i < queries.size(); i++) {
      LoadClients.Sample s = later.get(i);
      assertEquals(200, s.status(), s + "\n" + log);
      DATA.assertSums(
          JSON.readTree(s.body()), queries.get(i).sbi(), queries.get(i).activity(), s.path());
      golden.put(s.path(), s.body());
    }
    for (LoadClients.Sample s : burst) {
      assertEquals(
          golden.get(s.path()),
          s.body(),
          "a burst answer differs from the same query answered later: " + s.path());
    }
    long slowest = burst.stream().mapToLong(LoadClients.Sample::millis).max().orElseThrow();
    System.out.printf(
        "cold start: answering after %d ms, warm-up %s, burst of %d: slowest %d ms%n",
        startMillis, warmup, burst.size(), slowest);
    // The warm-up ran: it located the 9 regions (7 dates, the one before, the pointer row's) and
    // answered queries, so the burst above met a warm service and not a lucky one.
    assertEquals(9L, warmup.get("regions"), "regions the warm-up located");
    assertTrue(warmup.get("queries") > 0, "queries the warm-up answered: " + warmup);
  }

  /** The warm-up's gauges from the service's {@code /metrics}. */
  private static Map<String, Long> warmupGauges(ServiceProcess service) throws Exception {
    JsonNode gauges = JSON.readTree(service.adminGet("/metrics").body()).get("gauges");
    Map<String, Long> out = new TreeMap<>();
    for (String g : List.of("millis", "regions", "queries", "failed")) {
      JsonNode v = gauges.get("nl.datapoints.serving.Warmup." + g);
      assertTrue(v != null, "gauge Warmup." + g + " missing from /metrics");
      out.put(g, v.get("value").asLong());
    }
    return out;
  }
}
