package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContinuousLoadTest {
  private static final List<Query> QS =
      QueryLists.hardest(LocalDate.of(2013, 1, 8), LocalDate.of(2013, 1, 21), 10);

  @Test
  void windowsHoldTheRequestsThatStartedInThemWithTheirOwnLatencies() throws Exception {
    AtomicInteger phase = new AtomicInteger();
    long[] t = new long[3];
    ContinuousLoad load =
        new ContinuousLoad(
            QS,
            2,
            () ->
                q -> {
                  // Slow (2 ms) in the second window, fast before.
                  if (phase.get() == 1) {
                    Thread.sleep(2);
                  }
                });
    t[0] = System.nanoTime();
    Thread.sleep(140);
    phase.set(1);
    Thread.sleep(10); // requests that started fast have ended
    t[1] = System.nanoTime();
    Thread.sleep(150);
    t[2] = System.nanoTime();
    assertThrows(IllegalStateException.class, () -> load.window(t[0], t[1], 0));
    load.close();
    LoadRun.Result fast = load.window(t[0], t[1], 0.3);
    LoadRun.Result slow = load.window(t[1], t[2], Double.NaN);
    assertTrue(fast.sortedNanos().length > slow.sortedNanos().length);
    assertTrue(slow.sortedNanos()[0] >= 1_900_000L, "slow: " + slow.sortedNanos()[0]);
    assertTrue(fast.sortedNanos()[fast.sortedNanos().length / 2] < 1_000_000L);
    assertEquals((t[1] - t[0]) / 1e9, fast.seconds(), 1e-9);
    assertEquals(0.3, fast.cpuSeconds());
    assertEquals(
        0, load.window(t[2] + 1_000_000_000L, t[2] + 2_000_000_000L, 0).sortedNanos().length);
  }

  @Test
  void failedRequestsAreErrorsNotLatencies() throws Exception {
    AtomicInteger n = new AtomicInteger();
    ContinuousLoad load =
        new ContinuousLoad(
            QS,
            1,
            () ->
                q -> {
                  if (n.incrementAndGet() % 2 == 0) {
                    throw new IOException("HTTP 503");
                  }
                });
    long t0 = System.nanoTime();
    Thread.sleep(50);
    load.close();
    LoadRun.Result r = load.window(t0 - 1_000_000_000L, System.nanoTime(), Double.NaN);
    assertTrue(r.errors() > 0);
    assertEquals(n.get(), r.errors() + r.sortedNanos().length, 1.0);
    assertEquals("java.io.IOException: HTTP 503", load.firstError().toString());
  }

  @Test
  void theCommandIsPrintedWithoutItsClassPathAndJvmFlags() {
    assertEquals(
        "nice -n 10 java -Xmx1g -cp <classpath> nl.x.PutPublish --table dense",
        During.shown(
            List.of(
                "nice",
                "-n",
                "10",
                "java",
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "-Xmx1g",
                "-cp",
                "/a.jar:/b.jar",
                "nl.x.PutPublish",
                "--table",
                "dense")));
  }
}
