package nl.datapoints.serving;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.datapoints.schemas.Generation;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.Gazetteer;
import nl.datapoints.serving.core.Place;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.QueryParser;
import nl.datapoints.serving.core.QueryService;
import nl.datapoints.serving.core.RowSink;
import nl.datapoints.serving.core.SbiCatalog;
import nl.datapoints.serving.core.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** The start-up warm-up's policy: what it reads, when it retries, when it gives up, its bounds. */
class WarmupTest {
  private static final LocalDate NEWEST = LocalDate.parse("2024-03-31");

  /** Ten published dates ending at {@link #NEWEST}. */
  private static PublishedDates tenDates() {
    Map<LocalDate, Generation> current = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      current.put(NEWEST.minusDays(i), new Generation(1_000 + i, 2_000 + i, false, 1, 1));
    }
    return new PublishedDates(current, Map.of());
  }

  /** Records every read: its dates and number of postcodes. */
  private static class RecordingStore implements CellStore {
    final List<List<LocalDate>> reads = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> areas = Collections.synchronizedList(new ArrayList<>());

    @Override
    public PublishedDates published() {
      return tenDates();
    }

    @Override
    public void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, RowSink sink) {
      reads.add(dates.stream().map(DatedGeneration::date).toList());
      areas.add(pc4s.length);
    }
  }

  private static Gazetteer grid() {
    List<Place> places = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      places.add(new Place(1000 + i, 52.0 + (i / 10) * 0.01, 4.0 + (i % 10) * 0.015, ""));
    }
    return new Gazetteer(places);
  }

  private static DatapointsConfiguration.WarmupSettings settings(String budget, int queries) {
    DatapointsConfiguration.WarmupSettings s = new DatapointsConfiguration.WarmupSettings();
    s.setBudget(Duration.parse(budget));
    s.setQueries(queries);
    return s;
  }

  private static Warmup warmup(
      Supplier<PublishedDates> pointer,
      Supplier<Integer> regions,
      CellStore store,
      DatapointsConfiguration.WarmupSettings settings,
      int maxDates,
      double maxRadiusKm) {
    Gazetteer g = grid();
    QueryService q =
        new QueryService(
            g,
            new SbiCatalog(Map.of("4711", "Supermarkets")),
            store,
            new QueryParser(maxDates, maxRadiusKm),
            null);
    return new Warmup(
        pointer, regions, q, g, Jackson.newObjectMapper(), settings, maxDates, maxRadiusKm);
  }

  private static StoreUnavailableException timeout() {
    return new StoreUnavailableException("HBase did not answer", new TimeoutException());
  }

  @Test
  void retriesAPointerReadThatTimedOutThenLocatesRegionsAndRunsTheQueriesOnTheNewestWeek() {
    AtomicInteger pointerReads = new AtomicInteger();
    RecordingStore store = new RecordingStore();
    Warmup w =
        warmup(
            () -> {
              if (pointerReads.incrementAndGet() == 1) {
                throw timeout(); // a cold client's first call
              }
              return tenDates();
            },
            () -> 9,
            store,
            settings("20s", 40),
            31,
            25);

    w.start();

    assertEquals(2, pointerReads.get());
    assertEquals(9, w.regions());
    assertEquals(40, w.answered());
    assertEquals(0, w.failed());
    assertEquals(40, store.reads.size());
    for (List<LocalDate> dates : store.reads) {
      assertTrue(dates.size() == 1 || dates.size() == 3 || dates.size() == 7, dates.toString());
      assertEquals(NEWEST, dates.get(dates.size() - 1), "ends at the newest date: " + dates);
      assertTrue(!dates.get(0).isBefore(NEWEST.minusDays(6)), "within the newest week: " + dates);
    }
    assertTrue(
        store.areas.stream().anyMatch(n -> n > 50),
        "some queries cover a large area: " + store.areas);
  }

  @Test
  void givesUpAtOnceWhenHBaseAnswersWithErrors() {
    AtomicInteger pointerReads = new AtomicInteger();
    RecordingStore store = new RecordingStore();
    Warmup w =
        warmup(
            () -> {
              pointerReads.incrementAndGet();
              throw new StoreUnavailableException(
                  "HBase failed", new IOException("table not found"));
            },
            () -> 9,
            store,
            settings("60s", 40),
            31,
            25);

    long t0 = System.nanoTime();
    w.start();

    assertEquals(2, pointerReads.get(), "two tries, then give up");
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "did not wait for the 60 s budget");
    assertEquals(0, store.reads.size());
    assertEquals(-1, w.regions());
  }

  @Test
  void stopsAtItsBudgetWhenHBaseNeverAnswers() {
    AtomicInteger pointerReads = new AtomicInteger();
    Warmup w =
        warmup(
            () -> {
              pointerReads.incrementAndGet();
              try {
                Thread.sleep(50); // each try waits for its deadline
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw timeout();
            },
            () -> 9,
            new RecordingStore(),
            settings("400ms", 40),
            31,
            25);

    long t0 = System.nanoTime();
    w.start();
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertTrue(ms >= 400 && ms < 2_000, "took " + ms + " ms");
    assertTrue(pointerReads.get() >= 4, "kept trying within the budget: " + pointerReads.get());
    assertEquals(0, w.answered());
  }

  @Test
  void stopsQueryingWhenQueriesKeepFailing() {
    CellStore failing =
        new RecordingStore() {
          @Override
          public void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, RowSink sink) {
            throw timeout();
          }
        };
    Warmup w = warmup(WarmupTest::tenDates, () -> 9, failing, settings("20s", 1_000), 31, 25);

    w.start();

    assertEquals(0, w.answered());
    assertTrue(
        w.failed() >= 2 * Warmup.THREADS && w.failed() < 3 * Warmup.THREADS,
        "gave up after about two failures per thread, not after 1,000: " + w.failed());
  }

  @Test
  void neverStopsTheServiceFromStarting() {
    Warmup w =
        warmup(
            () -> {
              throw new IllegalStateException("a bug, not an outage");
            },
            () -> 9,
            new RecordingStore(),
            settings("20s", 40),
            31,
            25);

    assertDoesNotThrow(w::start);
    assertEquals(0, w.answered());
  }

  @Test
  void asksOnlyWhatTheConfiguredLimitsAllow() {
    RecordingStore store = new RecordingStore();
    Warmup w = warmup(WarmupTest::tenDates, () -> 1, store, settings("20s", 30), 2, 1.5);

    w.start();

    assertEquals(30, w.answered(), "no query was refused as invalid");
    assertTrue(store.reads.stream().allMatch(d -> d.size() <= 2), store.reads.toString());
  }

  @Test
  void doesNothingWhenDisabled() {
    AtomicInteger pointerReads = new AtomicInteger();
    DatapointsConfiguration.WarmupSettings off = settings("20s", 40);
    off.setEnabled(false);
    Warmup w =
        warmup(
            () -> {
              pointerReads.incrementAndGet();
              return tenDates();
            },
            () -> 9,
            new RecordingStore(),
            off,
            31,
            25);

    w.start();

    assertEquals(0, pointerReads.get());
    assertEquals(0, w.answered());
  }
}
