package nl.datapoints.serving;

import static io.dropwizard.testing.ConfigOverride.config;
import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A smoke benchmark of the dashboard's hardest query shape — 10 km around 1012 × 7 dates,
 * cache off — over a mini-cluster in the same JVM (so slower than production). Prints latency
 * percentiles and throughput and fails only on gross regressions. Opt-in, because timings on a
 * shared machine are noise for CI: {@code mvn -pl serving -am verify -Dit.test=ServingBenchIT
 * -Dbench=true}.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench", matches = "true")
class ServingBenchIT {
  private static final int PLACES = 560;
  private static final int CELLS_PER_ROW = 150;
  private static final LocalDate FIRST = LocalDate.parse("2013-03-01");
  private static final Path REF = writeGazetteer();

  @RegisterExtension
  @org.junit.jupiter.api.Order(1)
  static final MiniHBase HBASE = new MiniHBase("datapoints_bench", ServingBenchIT::seed);

  @RegisterExtension
  @org.junit.jupiter.api.Order(2)
  static final DropwizardAppExtension<DatapointsConfiguration> APP = new DropwizardAppExtension<>(
      DatapointsApplication.class, resourceFilePath("it-config.yml"),
      config("hbase.zookeeper", HBASE::quorum),
      config("hbase.table", "datapoints_bench"),
      config("referenceDir", REF.toString()));

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** 1012 at the Dam; 1013.. spread over 40 × 40 km around it, about 110 within 10 km. */
  private static Path writeGazetteer() {
    try {
      Path dir = Files.createTempDirectory("bench-ref");
      StringBuilder csv = new StringBuilder("pc4,lat,lon,name\n1012,52.3731,4.8922,Dam\n");
      Random r = new Random(3);
      for (int i = 1; i < PLACES; i++) {
        csv.append(1012 + i).append(',').append(52.3731 + (r.nextDouble() - 0.5) * 0.36).append(',')
            .append(4.8922 + (r.nextDouble() - 0.5) * 0.59).append(",p").append(i).append('\n');
      }
      Files.writeString(dir.resolve("postcodes.csv"), csv);
      Files.writeString(dir.resolve("sbi.csv"), "sbi,label\n4711,Supermarkets\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void seed(Table t) {
    Random r = new Random(11);
    List<String> sbiDomain = new ArrayList<>();
    for (int s = 4700; s < 4730; s++) {
      sbiDomain.add(String.valueOf(s));
    }
    try {
      for (int d = 0; d < 7; d++) {
        LocalDate date = FIRST.plusDays(d);
        long gen = 1_360_000_000_000L + d;
        List<Put> puts = new ArrayList<>();
        for (int i = 0; i < PLACES; i++) {
          List<TestRows.Cell> cells = new ArrayList<>();
          for (int c = 0; c < CELLS_PER_ROW; c++) {
            // distinct (hour, activity, sbi) per row: hour c % 24, activity c / 24 + 1
            cells.add(new TestRows.Cell(c % 24, c / 24 + 1, sbiDomain.get(r.nextInt(sbiDomain.size())),
                1 + r.nextInt(40), r.nextInt(40)));
          }
          puts.add(TestRows.row(date, 1012 + i, gen,
              TestRows.Release.derived(true, cells, sbiDomain, 2.0, () -> r.nextInt(7) - 3)));
        }
        t.put(puts);
        t.put(TestRows.flip(date, TestRows.generation(gen, gen, false, PLACES * CELLS_PER_ROW, 0, 1.0)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long timedGet(String path) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + APP.getLocalPort() + path)).header("X-Api-Key", "it-key").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return System.nanoTime() - t0;
  }

  private static String dates(int n) {
    StringBuilder s = new StringBuilder(FIRST.toString());
    for (int i = 1; i < n; i++) {
      s.append(',').append(FIRST.plusDays(i));
    }
    return s.toString();
  }

  private static long[] run(String path, int warmup, int n) throws Exception {
    for (int i = 0; i < warmup; i++) {
      timedGet(path);
    }
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = timedGet(path);
    }
    Arrays.sort(t);
    return t;
  }

  private static String report(String what, long[] sorted) {
    return String.format("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", what, sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
  }

  @Test
  void hardestQueryStaysWellUnderASecond() throws Exception {
    // The first reads warm the region server's caches; on a busy machine they may exceed the deadline.
    HttpResponse<String> first;
    long until = System.currentTimeMillis() + 30_000;
    do {
      first = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort()
          + "/api/1012/" + dates(7) + "/10")).header("X-Api-Key", "it-key").build(),
          HttpResponse.BodyHandlers.ofString());
    } while (first.statusCode() != 200 && System.currentTimeMillis() < until);
    assertEquals(200, first.statusCode(), first.body());
    String body = first.body();
    int pcs = body.split("\"postcodes\":\\[")[1].split("]")[0].split(",").length;
    assertTrue(pcs > 80 && pcs < 140, "the 10 km area should hold about 110 postcodes, got " + pcs);

    long[] unfiltered = run("/api/1012/" + dates(7) + "/10", 30, 200);
    long[] filtered = run("/api/1012/" + dates(7) + "/10?sbi=4711&sbi=4712&activity=2", 10, 100);
    System.out.println("BENCH " + pcs + " pc4 x 7 dates, cache off. " + report("unfiltered (area block)", unfiltered));
    System.out.println("BENCH " + report("filtered by activity (cells block)", filtered));
    com.codahale.metrics.Snapshot hb = APP.getEnvironment().metrics()
        .timer("nl.datapoints.serving.db.HBaseCellStore.read").getSnapshot();
    System.out.printf("BENCH HBase read: p50 %.1f ms, p99 %.1f ms%n",
        hb.getMedian() / 1e6, hb.get99thPercentile() / 1e6);
    assertTrue(unfiltered[(int) Math.ceil(unfiltered.length * 0.99) - 1] < 1_000_000_000L,
        report("unfiltered (area block)", unfiltered));
  }

  @Test
  void mixedWorkloadThroughput() throws Exception {
    String[] paths = new String[64];
    Random r = new Random(5);
    for (int i = 0; i < paths.length; i++) {
      paths[i] = "/api/" + (1012 + r.nextInt(PLACES)) + "/" + dates(1 + r.nextInt(7)) + "/" + (1 + r.nextInt(10));
    }
    for (String p : paths) {
      timedGet(p);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger done = new AtomicInteger();
    long end = System.nanoTime() + 5_000_000_000L;
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int seed = w;
      fs.add(pool.submit(() -> {
        Random rr = new Random(seed);
        while (System.nanoTime() < end) {
          timedGet(paths[rr.nextInt(paths.length)]);
          done.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    double rps = done.get() / ((System.nanoTime() - t0) / 1e9);
    System.out.printf("BENCH mixed workload (1-7 dates, 1-10 km, cache off, 4 clients): %.0f req/s%n", rps);
    assertTrue(rps > 20, "throughput collapsed: " + rps + " req/s");
  }
}
