package nl.datapoints.serving.db;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.datapoints.serving.core.StoreUnavailableException;

/**
 * Runs blocking store calls on a bounded pool and waits for each at most a deadline, so an outage
 * answers {@link StoreUnavailableException} (503) in time even when the HBase client itself would
 * block (ZooKeeper down, connection set-up). A call that overruns is abandoned, not interrupted: an
 * interrupted HBase client thread can leave the shared connection in a bad state, and the client's
 * own short timeouts end the abandoned call soon after.
 */
final class DeadlineCalls {
  private final long deadlineMillis;
  private final ExecutorService pool;

  /**
   * @param deadlineMillis the longest a caller waits
   * @param maxThreads calls at once; one more is refused at once (503), never queued
   * @param name thread-name prefix
   */
  DeadlineCalls(long deadlineMillis, int maxThreads, String name) {
    if (deadlineMillis <= 0 || maxThreads < 1) {
      throw new IllegalArgumentException(
          "deadline must be positive and threads at least 1, got "
              + deadlineMillis
              + " ms and "
              + maxThreads);
    }
    this.deadlineMillis = deadlineMillis;
    this.pool =
        new ThreadPoolExecutor(
            0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads(name));
  }

  long deadlineMillis() {
    return deadlineMillis;
  }

  /**
   * Runs {@code task} and returns its value, or throws {@link StoreUnavailableException} saying
   * {@code what}.
   */
  <T> T call(String what, Callable<T> task) {
    Future<T> f;
    try {
      f = pool.submit(task);
    } catch (RejectedExecutionException e) {
      throw new StoreUnavailableException("HBase call pool exhausted while " + what, e);
    }
    try {
      return f.get(deadlineMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new StoreUnavailableException(
          "HBase did not answer within " + deadlineMillis + " ms while " + what, e);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException("HBase failed while " + what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(false);
      throw new StoreUnavailableException("interrupted while " + what, e);
    }
  }

  void shutdown() {
    pool.shutdownNow();
  }

  /** Daemon threads named {@code prefix1, prefix2, …}. */
  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
