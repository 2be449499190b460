package nl.datapoints.serving.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import nl.datapoints.serving.DatapointsApplication;
import nl.datapoints.serving.TestRows;
import nl.datapoints.serving.TestRows.Release;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;

/**
 * A published week for load tests: a 20 × 20 grid of postcode4s (1000–1399) about 1.8 km apart
 * around Amsterdam, so 10 km around the centre holds ~100 of them, as 10 km around 1012 does in the
 * real gazetteer (the dashboard's hardest query); the last seven dates up to yesterday (so the
 * freshness check is green), each in its own region; 10–40 cells per row, released as the pipeline
 * would (every level, public domains filled, noise of at most ±3 at scale 2). Knows what it wrote,
 * so an answer's sums can be checked against the released values.
 */
final class GridWeek {
  static final int SIDE = 20;
  static final int FIRST_PC4 = 1000;
  static final List<String> SBIS = List.of("4711", "56", "4771", "6201");
  static final LocalDate NEWEST = LocalDate.now(DatapointsApplication.ZONE).minusDays(1);

  /** date → pc4 → released values, as written. */
  private final Map<LocalDate, Map<Integer, Release>> written = new TreeMap<>();

  static List<LocalDate> dates() {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      out.add(NEWEST.minusDays(i));
    }
    return out;
  }

  /**
   * The newest {@code n} dates joined for a URL path ({@code %3B}, as the dashboard sends them).
   */
  static String newest(int n) {
    List<LocalDate> d = dates();
    StringBuilder out = new StringBuilder();
    for (LocalDate date : d.subList(d.size() - n, d.size())) {
      out.append(out.length() == 0 ? "" : "%3B").append(date);
    }
    return out.toString();
  }

  /** An area query of the load tests and the filter it applies (to check its sums). */
  record Query(String path, Set<String> sbi, Set<Integer> activity) {}

  /**
   * 24 dashboard-like queries: six centres over the grid, 1–10 km (up to ~100 postcodes), the
   * newest 1, 3 or 7 dates, some filtered by SBI and activity (which reads the cell blocks).
   */
  static List<Query> queries() {
    int[] centres = {1210, 1043, 1317, 1115, 1362, 1000};
    String[] radii = {"1", "2.5", "5", "10"};
    int[] dateCounts = {1, 3, 7};
    List<Query> out = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String path =
          "/api/"
              + centres[i % centres.length]
              + "/"
              + newest(dateCounts[i % 3])
              + "/"
              + radii[i % 4];
      if (i % 4 == 3) {
        out.add(new Query(path + "?sbi=4711&activity=2", Set.of("4711"), Set.of(2)));
      } else if (i % 6 == 5) {
        out.add(new Query(path + "?sbi=56&sbi=4771", Set.of("56", "4771"), Set.of()));
      } else {
        out.add(new Query(path, Set.of(), Set.of()));
      }
    }
    return out;
  }

  /** One region per date and one for the pointer row, as the publisher pre-splits a new table. */
  static byte[][] splits() {
    List<byte[]> s = new ArrayList<>();
    for (LocalDate d : dates()) {
      s.add(RowKey.datePrefix(d));
    }
    s.add("~".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return s.toArray(new byte[0][]);
  }

  /** Writes {@code postcodes.csv} and {@code sbi.csv} into {@code dir}. */
  static Path writeReference(Path dir) {
    try {
      Files.createDirectories(dir);
      StringBuilder pc = new StringBuilder("pc4,lat,lon,name\n");
      for (int r = 0; r < SIDE; r++) {
        for (int c = 0; c < SIDE; c++) {
          pc.append(FIRST_PC4 + r * SIDE + c)
              .append(',')
              .append(String.format(java.util.Locale.ROOT, "%.4f", 52.20 + r * 0.016))
              .append(',')
              .append(String.format(java.util.Locale.ROOT, "%.4f", 4.65 + c * 0.026))
              .append(",Grid ")
              .append(r)
              .append('/')
              .append(c)
              .append('\n');
        }
      }
      Files.writeString(dir.resolve("postcodes.csv"), pc);
      Files.writeString(
          dir.resolve("sbi.csv"),
          "sbi,label\n4711,Supermarkets\n56,Restaurants\n"
              + "4771,\"Clothing, shoes\"\n6201,Software\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every row of every date at one generation, then the pointer row. */
  void seed(Table t) {
    Put pointer = new Put(StoreLayout.POINTER_ROW);
    int day = 0;
    for (LocalDate date : dates()) {
      long gen = 1_700_000_000_000L + day++ * 86_400_000L;
      Map<Integer, Release> rows = new TreeMap<>();
      List<Put> puts = new ArrayList<>();
      long values = 0;
      long hits = 0;
      for (int pc4 = FIRST_PC4; pc4 < FIRST_PC4 + SIDE * SIDE; pc4++) {
        Release r = release(gen ^ pc4);
        rows.put(pc4, r);
        values += r.size();
        hits += r.totalHits();
        puts.add(TestRows.row(date, pc4, gen, r));
      }
      put(t, puts);
      written.put(date, rows);
      Generation g = TestRows.generation(gen, gen + 60_000, false, values, hits, 1.0);
      TestRows.flip(pointer, date, g, List.of(g));
    }
    put(t, List.of(pointer));
  }

  private static Release release(long seed) {
    Random r = new Random(seed);
    List<TestRows.Cell> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    int n = 10 + r.nextInt(30);
    while (out.size() < n) {
      int hour = r.nextInt(24);
      int activity = 1 + r.nextInt(3);
      String sbi = SBIS.get(r.nextInt(SBIS.size()));
      if (keys.add(hour + "/" + activity + "/" + sbi)) {
        out.add(new TestRows.Cell(hour, activity, sbi, 1 + r.nextInt(60), r.nextInt(50)));
      }
    }
    return Release.derived(true, out, SBIS, 2.0, () -> r.nextInt(7) - 3);
  }

  private static void put(Table t, List<Put> puts) {
    try {
      t.put(puts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks an area answer against the written values: its total, and the hits of each point, summed
   * over the postcodes and dates it lists from the level that answers them (TOTAL unfiltered, SBI
   * with only an SBI filter, CELL with an activity filter), shown as max(0, Σ).
   */
  void assertSums(JsonNode answer, Set<String> sbi, Set<Integer> activity, String what) {
    Level level = !activity.isEmpty() ? Level.CELL : sbi.isEmpty() ? Level.TOTAL : Level.SBI;
    long total = 0;
    Map<Integer, Long> perPc4 = new TreeMap<>();
    for (JsonNode d : answer.get("dates")) {
      Map<Integer, Release> rows = written.get(LocalDate.parse(d.asText()));
      assertTrue(rows != null, what + ": date " + d + " was not written");
      for (JsonNode p : answer.get("postcodes")) {
        int pc4 = p.asInt();
        for (ReleaseBlock.Entry e : rows.get(pc4).entries(level)) {
          if ((sbi.isEmpty() || sbi.contains(e.sbi()))
              && (activity.isEmpty() || activity.contains(e.activity()))) {
            total += e.hits();
            perPc4.merge(pc4, e.hits(), Long::sum);
          }
        }
      }
    }
    assertEquals(Math.max(0, total), answer.get("totals").get("total").asLong(), what + ": total");
    perPc4.replaceAll((k, v) -> Math.max(0, v));
    Map<Integer, Long> points = new TreeMap<>();
    for (JsonNode p : answer.get("points")) {
      points.put(p.get("postcode").asInt(), p.get("hits").asLong());
    }
    assertEquals(perPc4, points, what + ": hits per point");
  }
}
