package nl.datapoints.serving.reliability;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.datapoints.serving.MiniHBase;
import nl.datapoints.serving.db.HBaseFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * HBase stopped while the service is under load (docs/api.md §4: 503 within 2 s): 16 clients query
 * a published week continuously (answer cache off, so every query reads HBase); HBase (master and
 * region server) is shut down while ZooKeeper stays, kept down, and started again. The service, a
 * JVM of its own, is never restarted.
 *
 * <p>Asserted: every answer is a 200 identical to the answer before the outage or the JSON 503,
 * never a 500, a stack trace or a hang, and every request ends within 2.5 s; from the moment the
 * stop returns every answer is a 503, the first of them no later than 2 s after it; the health
 * check turns red; the service's thread count stays bounded while the outage lasts; once HBase is
 * back the same service answers every query as before, and is healthy, within 60 s.
 */
class HBaseOutageUnderLoadIT {
  private static final String TABLE = "datapoints_outage";
  private static final int CLIENTS = 16;
  private static final String UNAVAILABLE =
      "{\"code\":503,\"message\":\"the data store is unavailable, try again shortly\"}";
  private static final long ANSWER_LIMIT_MS = 2_500;
  private static final long FIRST_503_MS = 2_000;
  private static final long OUTAGE_MS = 12_000;
  private static final long RECOVERY_LIMIT_MS = 60_000;

  /**
   * Threads the service may add during the outage over its busiest moment before it: what the
   * bounded pools that fill with calls waiting on a dead HBase can still add (the call pool 64, the
   * scan pool 128, the HBase client's meta lookups 16) and some slack for Jetty and admin requests.
   * An unbounded pool or a leaked connection per failure would pass it in seconds.
   */
  private static final int THREAD_MARGIN = 64 + 128 + HBaseFactory.META_LOOKUP_THREADS + 32;

  private static final GridWeek DATA = new GridWeek();

  @RegisterExtension
  static final MiniHBase HBASE = new MiniHBase(TABLE, GridWeek.splits(), DATA::seed);

  @TempDir static Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A reading of the service's thread count. */
  private record Threads(long nanos, int count) {}

  @Test
  void answersCorrect200sOr503sInTimeWhileHBaseIsStoppedUnderLoadAndRecoversWithoutRestart()
      throws Exception {
    Path ref = GridWeek.writeReference(dir.resolve("ref"));
    List<GridWeek.Query> queries = GridWeek.queries();
    List<String> paths = queries.stream().map(GridWeek.Query::path).toList();
    try (ServiceProcess service =
        ServiceProcess.start(
            Path.of("target", "it-logs", "outage-service.log"),
            Map.of(
                "hbase.zookeeper",
                HBASE.quorum(),
                "hbase.table",
                TABLE,
                "referenceDir",
                ref.toString(),
                "cache.enabled",
                "false"))) {
      LoadClients clients = new LoadClients(service.app(), "it-key", paths);
      Map<String, String> golden = new HashMap<>();
      for (GridWeek.Query q : queries) {
        LoadClients.Sample s = clients.send(q.path());
        assertEquals(200, s.status(), s.toString());
        DATA.assertSums(JSON.readTree(s.body()), q.sbi(), q.activity(), q.path());
        golden.put(q.path(), s.body());
      }
      assertEquals(200, service.adminGet("/healthcheck").statusCode(), "healthy before the outage");

      Queue<Threads> threads = new ConcurrentLinkedQueue<>();
      threads.add(new Threads(System.nanoTime(), threadCount(service)));
      long stopBegan;
      long stopped;
      long startBegan;
      long started;
      long recovered = -1;
      List<String> healthDuringOutage = new ArrayList<>();
      long healthRedAfter = -1;
      Map<String, Integer> threadsBefore;
      Map<String, Integer> threadsInOutage;
      Thread sampler = threadSampler(service, threads);
      clients.start(CLIENTS);
      try {
        // Load on a healthy service for 5 s (and at least three thread counts): the baseline.
        long loadBegan = System.nanoTime();
        while (System.nanoTime() - loadBegan < TimeUnit.SECONDS.toNanos(5) || threads.size() < 3) {
          Thread.sleep(100);
        }
        threadsBefore = service.threadsByName();
        stopBegan = System.nanoTime();
        try {
          HBASE.stopHBase();
          stopped = System.nanoTime();
          while (System.nanoTime() - stopped < TimeUnit.MILLISECONDS.toNanos(OUTAGE_MS)) {
            long h0 = System.nanoTime();
            HttpResponse<String> h = service.adminGet("/healthcheck");
            JsonNode body = JSON.readTree(h.body());
            healthDuringOutage.add(
                h.statusCode()
                    + " hbase.healthy="
                    + body.get("hbase").get("healthy")
                    + " in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - h0)
                    + " ms");
            if (healthRedAfter < 0
                && h.statusCode() == 500
                && !body.get("hbase").get("healthy").asBoolean()) {
              healthRedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            }
            Thread.sleep(1_000);
          }
          threadsInOutage = service.threadsByName();
        } finally {
          startBegan = System.nanoTime();
          HBASE.startHBase();
          started = System.nanoTime();
        }
        while (recovered < 0
            && System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(RECOVERY_LIMIT_MS)) {
          Thread.sleep(500);
          if (allAnswered(clients.samples(), System.nanoTime() - TimeUnit.SECONDS.toNanos(2))
              && service.adminGet("/healthcheck").statusCode() == 200) {
            recovered = System.nanoTime();
          }
        }
      } finally {
        clients.close();
        sampler.interrupt();
        sampler.join();
      }
      List<LoadClients.Sample> samples = clients.samples();
      String log = service.logTail();
      report(samples, threads, stopBegan, stopped, startBegan, started, recovered, healthRedAfter);
      System.out.println("threads by name before the stop: " + threadsBefore);
      System.out.println("threads by name at the end of the outage: " + threadsInOutage);

      List<LoadClients.Sample> wrong =
          samples.stream()
              .filter(
                  s ->
                      !(s.status() == 200 && golden.get(s.path()).equals(s.body()))
                          && !(s.status() == 503 && UNAVAILABLE.equals(s.body())))
              .toList();
      List<LoadClients.Sample> late =
          samples.stream().filter(s -> s.millis() > ANSWER_LIMIT_MS).toList();
      List<LoadClients.Sample> duringOutage =
          samples.stream()
              .filter(s -> s.startNanos() > stopped && s.startNanos() < startBegan)
              .toList();
      List<LoadClients.Sample> notUnavailable =
          duringOutage.stream().filter(s -> s.status() != 503).toList();
      long first503 =
          samples.stream()
              .filter(s -> s.status() == 503)
              .mapToLong(LoadClients.Sample::endNanos)
              .min()
              .orElse(Long.MAX_VALUE);
      int baseline = max(threads, Long.MIN_VALUE, stopBegan);
      int outagePeak = max(threads, stopBegan, startBegan);
      String counts =
          "threads: baseline "
              + baseline
              + ", outage peak "
              + outagePeak
              + "; by name before "
              + threadsBefore
              + ", at the end of the outage "
              + threadsInOutage;
      final long recoveredAt = recovered;
      final long first503Ms = TimeUnit.NANOSECONDS.toMillis(first503 - stopped);
      final long redAfter = healthRedAfter;
      assertAll(
          // Every answer: a correct 200 or the JSON 503; never anything else, never late.
          () ->
              assertTrue(
                  wrong.isEmpty(),
                  wrong.size()
                      + " answers were neither the right 200 nor the JSON 503: "
                      + first(wrong)
                      + "\n"
                      + log),
          () ->
              assertTrue(
                  late.isEmpty(),
                  late.size()
                      + " of "
                      + samples.size()
                      + " requests took over "
                      + ANSWER_LIMIT_MS
                      + " ms: "
                      + first(late)),
          // The outage is seen at once: every request started after the stop returned is a 503
          // until HBase is started again, the first 503 came within 2 s, the health check is red.
          () ->
              assertTrue(
                  duringOutage.size() >= CLIENTS,
                  "queries during the outage: " + duringOutage.size()),
          () ->
              assertTrue(
                  notUnavailable.isEmpty(),
                  "answered while HBase was down: " + first(notUnavailable)),
          () ->
              assertTrue(
                  first503Ms <= FIRST_503_MS,
                  "first 503 " + first503Ms + " ms after the stop returned"),
          () ->
              assertTrue(
                  redAfter >= 0 && redAfter <= 5_000,
                  "health check red within 5 s of the stop; readings: " + healthDuringOutage),
          // Bounded threads: the pools that fill with calls left waiting on a dead HBase are
          // bounded, so the service cannot grow past them however long the outage lasts.
          () -> assertTrue(outagePeak <= baseline + THREAD_MARGIN, counts),
          () -> assertTrue(pool(threadsInOutage, "hbase-call-") <= 64, counts),
          () -> assertTrue(pool(threadsInOutage, "hbase-scan-") <= 128, counts),
          () ->
              assertTrue(
                  pool(threadsInOutage, "hconnection-#-metaLookup")
                      <= HBaseFactory.META_LOOKUP_THREADS,
                  counts),
          // Recovery without a restart.
          () ->
              assertTrue(
                  recoveredAt > 0,
                  "not recovered (every query 200 for 2 s and health green) within "
                      + RECOVERY_LIMIT_MS
                      + " ms of the start; last answers: "
                      + first(samples.subList(Math.max(0, samples.size() - 5), samples.size()))
                      + "\n"
                      + log));
      // ... with the same answers as before, and healthy.
      for (String p : paths) {
        LoadClients.Sample s = clients.send(p);
        assertEquals(200, s.status(), s.toString());
        assertEquals(golden.get(p), s.body(), "the answer after the outage differs: " + p);
      }
      assertEquals(200, service.adminGet("/healthcheck").statusCode(), "healthy after the outage");
    }
  }

  /** Threads whose (normalised) name starts with {@code prefix}. */
  private static int pool(Map<String, Integer> byName, String prefix) {
    return byName.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** The highest thread count read in [{@code from}, {@code to}). */
  private static int max(Queue<Threads> threads, long from, long to) {
    return threads.stream()
        .filter(t -> t.nanos() >= from && t.nanos() < to)
        .mapToInt(Threads::count)
        .max()
        .orElseThrow(() -> new AssertionError("no thread count read in that interval"));
  }

  /**
   * Whether every request started since {@code sinceNanos} got a 200 (and there was at least one
   * per client).
   */
  private static boolean allAnswered(List<LoadClients.Sample> samples, long sinceNanos) {
    List<LoadClients.Sample> recent =
        samples.stream().filter(s -> s.startNanos() >= sinceNanos).toList();
    return recent.size() >= CLIENTS && recent.stream().allMatch(s -> s.status() == 200);
  }

  /** The service's JVM thread count, from its {@code /metrics}. */
  private static int threadCount(ServiceProcess service) throws Exception {
    JsonNode m = JSON.readTree(service.adminGet("/metrics").body());
    return m.get("gauges").get("jvm.threads.count").get("value").asInt();
  }

  /** Reads the service's thread count every 250 ms until interrupted. */
  private static Thread threadSampler(ServiceProcess service, Queue<Threads> out) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  out.add(new Threads(System.nanoTime(), threadCount(service)));
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  throw new IllegalStateException("reading the service's /metrics failed", e);
                }
              }
            },
            "thread-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String first(List<LoadClients.Sample> samples) {
    return samples.stream()
        .limit(5)
        .map(String::valueOf)
        .collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  /** What happened, for the record (docs/reliability.md quotes it). */
  private static void report(
      List<LoadClients.Sample> samples,
      Queue<Threads> threads,
      long stopBegan,
      long stopped,
      long startBegan,
      long started,
      long recovered,
      long healthRedAfter) {
    long ok = samples.stream().filter(s -> s.status() == 200).count();
    long unavailable = samples.stream().filter(s -> s.status() == 503).count();
    long maxMs = samples.stream().mapToLong(LoadClients.Sample::millis).max().orElse(-1);
    long[] ms503 =
        samples.stream()
            .filter(s -> s.status() == 503)
            .mapToLong(LoadClients.Sample::millis)
            .sorted()
            .toArray();
    String max503 =
        ms503.length == 0
            ? "-"
            : "p50 "
                + ms503[ms503.length / 2]
                + ", p99 "
                + ms503[(int) (ms503.length * 0.99)]
                + ", max "
                + ms503[ms503.length - 1];
    String counts =
        threads.stream()
            .map(t -> (t.nanos() < stopBegan ? "" : t.nanos() < startBegan ? "*" : "+") + t.count())
            .collect(Collectors.joining(" "));
    System.out.printf(
        "outage under load: %d requests, %d × 200, %d × 503, slowest %d ms (503: %s ms); stop took %d ms,"
            + " start %d ms, recovered %s ms after the start; health red %d ms after the stop%nthreads (*outage +after): %s%n",
        samples.size(),
        ok,
        unavailable,
        maxMs,
        max503,
        TimeUnit.NANOSECONDS.toMillis(stopped - stopBegan),
        TimeUnit.NANOSECONDS.toMillis(started - startBegan),
        recovered < 0
            ? "never"
            : String.valueOf(TimeUnit.NANOSECONDS.toMillis(recovered - started)),
        healthRedAfter,
        counts);
  }
}
