package nl.datapoints.bench.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.datapoints.bench.stats.Percentiles;

/**
 * One measured run of a query list: {@code clients} threads cycle through the list (each from its
 * own offset), the first {@code warmup} requests of all of them together are not measured, then
 * {@code requests} are, or fewer if {@code maxSeconds} runs out first.
 */
final class LoadRun {
  /** Answers one query completely, or throws. */
  @FunctionalInterface
  interface Runner {
    void run(Query q) throws Exception;
  }

  /** Opens one client's runner (its own connection). */
  @FunctionalInterface
  interface RunnerFactory {
    Runner open() throws Exception;
  }

  /**
   * What a run measured.
   *
   * @param sortedNanos latency of every measured request, ascending
   * @param seconds from the first measured request's start to the last one's end
   * @param errors requests that failed (measured or not)
   * @param firstError the first failure, if any
   */
  record Result(long[] sortedNanos, double seconds, int errors, Throwable firstError) {
    /**
     * The summary line: {@code label n p50 p90 p99 max req/s errors} (ms; tab-separated key=value).
     */
    String summary(String label) {
      int n = sortedNanos.length;
      return String.format(
          Locale.ROOT,
          "%s\tn=%d\tp50=%.2f\tp90=%.2f\tp99=%.2f\tmax=%.2f\treq/s=%.1f\terrors=%d",
          label,
          n,
          Percentiles.millis(sortedNanos, 0.50),
          Percentiles.millis(sortedNanos, 0.90),
          Percentiles.millis(sortedNanos, 0.99),
          n == 0 ? 0 : sortedNanos[n - 1] / 1e6,
          n == 0 || seconds <= 0 ? 0 : n / seconds,
          errors);
    }
  }

  /** A prime far from any list length, so the clients start at different queries. */
  private static final int CLIENT_OFFSET = 7919;

  private LoadRun() {}

  static Result run(
      List<Query> queries,
      int clients,
      int warmup,
      int requests,
      double maxSeconds,
      RunnerFactory factory)
      throws Exception {
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("--queries: the list is empty");
    }
    long[] lat = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Runner runner = factory.open();
      int offset = c * CLIENT_OFFSET;
      threads.add(
          new Thread(
              () -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                  Query q = queries.get(Math.floorMod(i++, queries.size()));
                  boolean measuring = started.incrementAndGet() > warmup;
                  int slot = -1;
                  if (measuring) {
                    slot = next.getAndIncrement();
                    if (slot >= requests) {
                      return;
                    }
                  }
                  long t0 = System.nanoTime();
                  try {
                    runner.run(q);
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                  }
                  long t1 = System.nanoTime();
                  if (measuring) {
                    firstStart.accumulateAndGet(t0, Math::min);
                    lat[slot] = t1 - t0;
                    lastEnd.accumulateAndGet(t1, Math::max);
                  }
                }
              },
              "client-" + c));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    // Every slot below `requests` that was taken has been filled (a client runs the query it took).
    int n = Math.min(next.get(), requests);
    long[] done = Arrays.copyOf(lat, n);
    Arrays.sort(done);
    double seconds = n == 0 ? 0 : (lastEnd.get() - firstStart.get()) / 1e9;
    return new Result(done, seconds, errors.get(), firstError.get());
  }
}
