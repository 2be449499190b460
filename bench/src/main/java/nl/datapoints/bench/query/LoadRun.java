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

  /** CPU seconds the measured server processes have used so far. */
  @FunctionalInterface
  interface CpuMeter {
    double seconds();
  }

  /**
   * What a run measured.
   *
   * @param sortedNanos latency of every measured request, ascending
   * @param seconds from the first measured request's start to the last one's end
   * @param errors requests that failed (measured or not)
   * @param firstError the first failure, if any
   * @param cpuSeconds CPU seconds of the server processes while the measured requests ran (NaN when
   *     not measured)
   * @param clientCpuSeconds CPU seconds of the client (this JVM: request threads, driver or HTTP
   *     client) over the same span (NaN when not measured); on one machine it competes with the
   *     server for the same cores
   */
  record Result(
      long[] sortedNanos,
      double seconds,
      int errors,
      Throwable firstError,
      double cpuSeconds,
      double clientCpuSeconds) {
    /** A result without the client's CPU. */
    Result(
        long[] sortedNanos, double seconds, int errors, Throwable firstError, double cpuSeconds) {
      this(sortedNanos, seconds, errors, firstError, cpuSeconds, Double.NaN);
    }

    /**
     * The summary line: {@code label n p50 p90 p99 max req/s errors [cpu_ms/req]
     * [client_cpu_ms/req]} (ms; tab-separated key=value); {@code cpu_ms/req} is the server side's
     * CPU per measured request, {@code client_cpu_ms/req} the client's.
     */
    String summary(String label) {
      int n = sortedNanos.length;
      String line =
          String.format(
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
      if (!Double.isNaN(cpuSeconds) && n > 0) {
        line += String.format(Locale.ROOT, "\tcpu_ms/req=%.2f", cpuSeconds * 1000 / n);
      }
      if (!Double.isNaN(clientCpuSeconds) && n > 0) {
        line += String.format(Locale.ROOT, "\tclient_cpu_ms/req=%.2f", clientCpuSeconds * 1000 / n);
      }
      return line;
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
    return run(queries, clients, warmup, requests, maxSeconds, factory, null, null);
  }

  /**
   * As {@link #run(List, int, int, int, double, RunnerFactory)}, reading {@code cpu} (the server
   * side) and {@code clientCpu} (each if not null) when the first measured request starts and when
   * the last one has ended.
   */
  static Result run(
      List<Query> queries,
      int clients,
      int warmup,
      int requests,
      double maxSeconds,
      RunnerFactory factory,
      CpuMeter cpu,
      CpuMeter clientCpu)
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
    double[] cpuAtStart = {Double.NaN, Double.NaN};
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
                    if (slot == 0) {
                      cpuAtStart[0] = cpu == null ? Double.NaN : cpu.seconds();
                      cpuAtStart[1] = clientCpu == null ? Double.NaN : clientCpu.seconds();
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
    // Thread.join orders slot 0's reading before this one.
    double cpuSeconds = cpu == null || n == 0 ? Double.NaN : cpu.seconds() - cpuAtStart[0];
    double clientSeconds =
        clientCpu == null || n == 0 ? Double.NaN : clientCpu.seconds() - cpuAtStart[1];
    return new Result(done, seconds, errors.get(), firstError.get(), cpuSeconds, clientSeconds);
  }
}
