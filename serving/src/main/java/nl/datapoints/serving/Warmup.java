package nl.datapoints.serving;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.datapoints.serving.core.Gazetteer;
import nl.datapoints.serving.core.Place;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.QueryService;
import nl.datapoints.serving.core.StoreUnavailableException;
import nl.datapoints.serving.db.HBaseCellStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the read path at start-up, before the service takes traffic: reads the pointer row
 * (creating the shared HBase connection), locates every region of the table (cached by the
 * connection, so no query pays a meta lookup) and answers a few hundred real area queries for the
 * newest published dates on several threads (JIT, the call and scan pools, the region servers'
 * block cache, Jackson).
 *
 * <p>Registered as a managed object after the store. Jetty binds its ports first but starts its
 * connectors only after every managed object has started, so neither the API nor the health check
 * answers until the warm-up is done; connections made meanwhile wait in the listen backlog. Without
 * it the first second of a 64-connection load run answered 503s: the first queries spent their 1.5
 * s deadline on connection set-up, region lookups and cold code, and all of them read the pointer
 * row themselves because no snapshot of it existed yet.
 *
 * <p>Bounded and never fatal: it stops at its time budget (a step in flight may overrun it by one
 * HBase deadline) and gives up at once when HBase answers with errors; a service started while
 * HBase is down starts at most the budget later and answers 503 until HBase is back, as without the
 * warm-up. (A timeout cannot tell "down" from "slow first connection": the latter took over 5 s on
 * the loaded 2-core test machine, more than three request deadlines.)
 */
final class Warmup implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  /**
   * Concurrent warm-up queries: enough to start pool threads and exercise the connection in
   * parallel.
   */
  static final int THREADS = 8;

  /** The dates the dashboard asks for most: the last week published. */
  static final int NEWEST_DATES = 7;

  /** Centres spread over the gazetteer. */
  private static final int CENTRES = 16;

  private static final double[] RADII_KM = {1, 2.5, 5, 10};
  private static final int[] DATE_COUNTS = {1, 3, 7};

  private final Supplier<PublishedDates> pointer;
  private final Supplier<Integer> regionLocator;
  private final QueryService queries;
  private final Gazetteer gazetteer;
  private final ObjectMapper json;
  private final DatapointsConfiguration.WarmupSettings settings;
  private final int maxDates;
  private final double maxRadiusKm;

  private volatile long millis = -1;
  private volatile int regions = -1;
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  /**
   * A warm-up.
   *
   * @param pointer reads the pointer row now ({@link HBaseCellStore#refresh()})
   * @param regionLocator locates every region of the table ({@link HBaseCellStore#locateRegions()})
   * @param queries answers area queries through the same store
   */
  Warmup(
      Supplier<PublishedDates> pointer,
      Supplier<Integer> regionLocator,
      QueryService queries,
      Gazetteer gazetteer,
      ObjectMapper json,
      DatapointsConfiguration.WarmupSettings settings,
      int maxDates,
      double maxRadiusKm) {
    this.pointer = pointer;
    this.regionLocator = regionLocator;
    this.queries = queries;
    this.gazetteer = gazetteer;
    this.json = json;
    this.settings = settings;
    this.maxDates = maxDates;
    this.maxRadiusKm = maxRadiusKm;
  }

  /**
   * Gauges under {@code nl.datapoints.serving.Warmup}: {@code millis}, {@code regions}, {@code
   * queries}, {@code failed}.
   */
  void registerMetrics(MetricRegistry metrics) {
    metrics.register(MetricRegistry.name(Warmup.class, "millis"), (Gauge<Long>) () -> millis);
    metrics.register(MetricRegistry.name(Warmup.class, "regions"), (Gauge<Integer>) () -> regions);
    metrics.register(MetricRegistry.name(Warmup.class, "queries"), (Gauge<Integer>) answered::get);
    metrics.register(MetricRegistry.name(Warmup.class, "failed"), (Gauge<Integer>) failed::get);
  }

  /** Regions located, or -1 when that step did not succeed. */
  int regions() {
    return regions;
  }

  /** Warm-up queries answered. */
  int answered() {
    return answered.get();
  }

  /** Warm-up queries that failed. */
  int failed() {
    return failed.get();
  }

  @Override
  public void start() {
    if (!settings.isEnabled()) {
      LOG.info("warm-up disabled");
      return;
    }
    long t0 = System.nanoTime();
    long end = t0 + settings.getBudget().toNanoseconds();
    try {
      run(end);
    } catch (RuntimeException e) {
      LOG.warn("warm-up stopped by an unexpected error; the service starts anyway", e);
    }
    millis = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(
        "warm-up took {} ms: {} regions located, {} queries answered, {} failed",
        millis,
        regions,
        answered.get(),
        failed.get());
  }

  private void run(long end) {
    PublishedDates published = untilAnswered("reading the pointer row", pointer, end);
    if (published == null) {
      return; // HBase is down or the table missing: start now, answer 503 and recover as usual
    }
    Integer located = untilAnswered("locating the regions", regionLocator, end);
    regions = located == null ? -1 : located;
    List<LocalDate> newest = new ArrayList<>(published.all().descendingKeySet());
    newest = newest.subList(0, Math.min(newest.size(), Math.min(NEWEST_DATES, maxDates)));
    if (newest.isEmpty() || gazetteer.size() == 0 || settings.getQueries() == 0) {
      return;
    }
    query(plan(newest), end);
  }

  /**
   * Runs {@code step} until it succeeds, the budget is spent, or it failed twice with an error (not
   * a timeout). A timeout is tried again: the first calls of a cold client exceed the request
   * deadline (connection set-up, class loading) while the call goes on in the background and the
   * next try finds it done. An error means HBase answered, "no": give up.
   */
  private <T> T untilAnswered(String what, Supplier<T> step, long end) {
    int errors = 0;
    int timeouts = 0;
    while (System.nanoTime() < end) {
      try {
        return step.get();
      } catch (StoreUnavailableException e) {
        boolean timeout = e.getCause() instanceof TimeoutException;
        if (timeout) {
          timeouts++;
        } else {
          errors++;
        }
        if (errors >= 2) {
          LOG.warn(
              "warm-up: {} failed: {} ({}); giving up",
              what,
              e.getMessage(),
              String.valueOf(e.getCause()));
          return null;
        }
      }
    }
    LOG.warn(
        "warm-up: {} did not succeed within the warm-up budget ({} timeouts, {} errors)",
        what,
        timeouts,
        errors);
    return null;
  }

  /**
   * The queries to run: centres spread over the gazetteer × radius × the newest 1, 3 or 7 dates,
   * every fourth filtered.
   */
  private List<String[]> plan(List<LocalDate> newest) {
    List<Place> places = new ArrayList<>(gazetteer.places());
    int centres = Math.min(CENTRES, places.size());
    List<String[]> plan = new ArrayList<>(settings.getQueries());
    for (int i = 0; plan.size() < settings.getQueries(); i++) {
      Place centre = places.get((int) ((long) (i % centres) * places.size() / centres));
      double radius = Math.min(maxRadiusKm, RADII_KM[(i / centres) % RADII_KM.length]);
      int n = Math.min(newest.size(), DATE_COUNTS[i % DATE_COUNTS.length]);
      StringBuilder dates = new StringBuilder();
      for (LocalDate d : newest.subList(0, n)) {
        dates.append(dates.length() == 0 ? "" : ",").append(d);
      }
      String sbi = i % 4 == 3 ? firstSbi() : null;
      plan.add(new String[] {centre.postcode(), dates.toString(), Double.toString(radius), sbi});
    }
    return plan;
  }

  private String firstSbi() {
    return queries.catalog().all().isEmpty()
        ? null
        : queries.catalog().all().keySet().iterator().next();
  }

  /**
   * Runs the plan on {@link #THREADS} threads until done, out of budget, or HBase keeps failing.
   */
  private void query(List<String[]> plan, long end) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger threads = new AtomicInteger();
    int giveUpAfter = 2 * THREADS;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "warmup-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      for (int t = 0; t < THREADS; t++) {
        pool.execute(
            () -> {
              int i;
              while ((i = next.getAndIncrement()) < plan.size()
                  && System.nanoTime() < end
                  && failed.get() < giveUpAfter) {
                String[] q = plan.get(i);
                try {
                  json.writeValueAsBytes(
                      queries.area(
                          q[0], q[1], q[2], q[3] == null ? List.of() : List.of(q[3]), List.of()));
                  answered.incrementAndGet();
                } catch (StoreUnavailableException e) {
                  failed.incrementAndGet();
                } catch (JsonProcessingException | RuntimeException e) {
                  // Not an outage but a bug the first request would meet too: say so, keep warming.
                  failed.incrementAndGet();
                  LOG.warn("warm-up query {} failed", String.join(" ", q[0], q[1], q[2]), e);
                }
              }
            });
      }
      pool.shutdown();
      long left = end - System.nanoTime();
      if (!pool.awaitTermination(
          Math.max(0, left) + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS)) {
        LOG.warn("warm-up queries still running at the end of the budget; not waiting for them");
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }

  @Override
  public void stop() {
    // nothing held: the warm-up's threads end with start()
  }
}
