package nl.datapoints.bench.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients that cycle through a query list until stopped, recording when every request started and
 * how long it took, so that windows of one run — before, during and after something else happens —
 * are summarised afterwards ({@link #window}). Used to measure serving while publishing.
 */
final class ContinuousLoad implements AutoCloseable {
  /** A prime far from any list length, so the clients start at different queries. */
  private static final int CLIENT_OFFSET = 7919;

  private final List<Thread> threads = new ArrayList<>();
  private final List<Recorder> recorders = new ArrayList<>();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicReference<Throwable> firstError = new AtomicReference<>();
  private volatile boolean stop;

  /** The requests of one client: start (System.nanoTime) and latency, in order; ok = no error. */
  private static final class Recorder {
    private long[] start = new long[4096];
    private long[] nanos = new long[4096];
    private boolean[] ok = new boolean[4096];
    private int n;

    void add(long t0, long t1, boolean success) {
      if (n == start.length) {
        start = Arrays.copyOf(start, n * 2);
        nanos = Arrays.copyOf(nanos, n * 2);
        ok = Arrays.copyOf(ok, n * 2);
      }
      start[n] = t0;
      nanos[n] = t1 - t0;
      ok[n] = success;
      n++;
    }
  }

  /** Starts {@code clients} threads, each with its own runner. */
  ContinuousLoad(List<Query> queries, int clients, LoadRun.RunnerFactory factory) throws Exception {
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("--queries: the list is empty");
    }
    for (int c = 0; c < clients; c++) {
      LoadRun.Runner runner = factory.open();
      Recorder rec = new Recorder();
      recorders.add(rec);
      int offset = c * CLIENT_OFFSET;
      threads.add(
          new Thread(
              () -> {
                int i = offset;
                while (!stop) {
                  Query q = queries.get(Math.floorMod(i++, queries.size()));
                  long t0 = System.nanoTime();
                  boolean success = true;
                  try {
                    runner.run(q);
                  } catch (Exception e) {
                    success = false;
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                  }
                  rec.add(t0, System.nanoTime(), success);
                }
              },
              "load-" + c));
    }
    threads.forEach(Thread::start);
  }

  /** Stops every client after its current request. */
  @Override
  public void close() throws InterruptedException {
    stop = true;
    for (Thread t : threads) {
      t.join();
    }
  }

  /** The first error of any client, if any. */
  Throwable firstError() {
    return firstError.get();
  }

  /**
   * The requests that started in {@code [from, to)} (System.nanoTime), after {@link #close}: their
   * latencies (failed ones counted as errors, not as latencies), over the window's length.
   *
   * @param cpuSeconds the server side's CPU in the window (NaN when not measured)
   */
  LoadRun.Result window(long from, long to, double cpuSeconds) {
    if (!stop) {
      throw new IllegalStateException("close() the load before reading its windows");
    }
    long[] lat = new long[16];
    int n = 0;
    int failed = 0;
    for (Recorder r : recorders) {
      for (int i = 0; i < r.n; i++) {
        if (r.start[i] >= from && r.start[i] < to) {
          if (!r.ok[i]) {
            failed++;
            continue;
          }
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = r.nanos[i];
        }
      }
    }
    long[] done = Arrays.copyOf(lat, n);
    Arrays.sort(done);
    return new LoadRun.Result(done, (to - from) / 1e9, failed, null, cpuSeconds);
  }
}
