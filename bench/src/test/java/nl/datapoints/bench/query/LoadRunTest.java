package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadRunTest {
  private static final List<Query> QS =
      QueryLists.hardest(LocalDate.of(2013, 1, 8), LocalDate.of(2013, 1, 21), 10);

  @Test
  void measuresExactlyTheRequestedRunsAfterTheWarmUp() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger opened = new AtomicInteger();
    LoadRun.Result r =
        LoadRun.run(
            QS,
            3,
            25,
            200,
            60,
            () -> {
              opened.incrementAndGet();
              return q -> calls.incrementAndGet();
            });
    assertEquals(3, opened.get());
    assertEquals(200, r.sortedNanos().length);
    // A client that finds every measured slot taken stops without asking.
    assertEquals(225, calls.get());
    assertEquals(0, r.errors());
    assertNull(r.firstError());
    for (int i = 1; i < r.sortedNanos().length; i++) {
      assertTrue(r.sortedNanos()[i - 1] <= r.sortedNanos()[i]);
    }
  }

  @Test
  void countsFailuresAndKeepsTheFirst() throws Exception {
    LoadRun.Result r =
        LoadRun.run(
            QS,
            1,
            0,
            50,
            60,
            () ->
                q -> {
                  if (q.dates().get(0).getDayOfMonth() == 8) {
                    throw new IOException("HTTP 503 for " + q.path());
                  }
                });
    assertEquals(50, r.sortedNanos().length);
    // Queries 0 and 8 of the 10 start on the 8th; 50 requests are 5 rounds of the list.
    assertEquals(10, r.errors());
    assertTrue(r.firstError().getMessage().startsWith("HTTP 503 for /api/1012/2013-01-08"));
  }

  @Test
  void stopsAtTheWallTimeLimit() throws Exception {
    long t0 = System.nanoTime();
    LoadRun.Result r = LoadRun.run(QS, 2, 0, 1_000_000, 0.3, () -> q -> Thread.sleep(5));
    double took = (System.nanoTime() - t0) / 1e9;
    assertTrue(took < 3, "took " + took + " s");
    assertTrue(r.sortedNanos().length > 10 && r.sortedNanos().length < 1_000_000);
  }

  @Test
  void summaryLineHasMillisecondPercentilesAndThroughput() {
    long[] ms = new long[100];
    for (int i = 0; i < 100; i++) {
      ms[i] = (i + 1) * 1_000_000L;
    }
    assertEquals(
        "ours hardest 1c\tn=100\tp50=50.00\tp90=90.00\tp99=99.00\tmax=100.00\treq/s=50.0\terrors=2",
        new LoadRun.Result(ms, 2.0, 2, null, Double.NaN).summary("ours hardest 1c"));
    assertEquals(
        "none\tn=0\tp50=NaN\tp90=NaN\tp99=NaN\tmax=0.00\treq/s=0.0\terrors=0",
        new LoadRun.Result(new long[0], 0, 0, null, 3.0).summary("none"));
    assertEquals(
        "pg mix 4c\tn=100\tp50=50.00\tp90=90.00\tp99=99.00\tmax=100.00\treq/s=50.0\terrors=0"
            + "\tcpu_ms/req=12.50",
        new LoadRun.Result(ms, 2.0, 0, null, 1.25).summary("pg mix 4c"));
  }

  @Test
  void serverCpuIsReadWhenTheFirstMeasuredRequestStartsAndAfterTheLastEnds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    // The meter reads the number of requests asked so far as "CPU seconds"; one client, so no
    // warm-up request of another client overlaps the first reading.
    LoadRun.Result r =
        LoadRun.run(
            QS,
            1,
            30,
            100,
            60,
            () -> q -> calls.incrementAndGet(),
            () -> calls.get() / 1000.0,
            () -> calls.get() / 4000.0);
    assertEquals(100, r.sortedNanos().length);
    // Between the two readings exactly the 100 measured requests ran (none of the 30 warm-up).
    assertEquals(0.100, r.cpuSeconds(), 1e-12);
    assertEquals(0.025, r.clientCpuSeconds(), 1e-12);
    assertTrue(
        r.summary("x").endsWith("\tcpu_ms/req=1.00\tclient_cpu_ms/req=0.25"), r.summary("x"));
  }

  @Test
  void anEmptyListIsACallerMistake() {
    assertThrows(
        IllegalArgumentException.class, () -> LoadRun.run(List.of(), 1, 0, 1, 1, () -> q -> {}));
  }
}
