package nl.datapoints.etl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.Margins;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.testkit.ReferenceModel;
import nl.datapoints.testkit.ReferenceModel.Bounds;
import nl.datapoints.testkit.ReferenceModel.CellKey;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Checks a date's differentially private release (the {@code release/dt=D} Parquet the pipeline
 * wrote) against the independent {@link ReferenceModel}: what noise cannot hide exactly (the public
 * domain, noise scales, deltas, the bounding and release accounting of the run report), and the
 * noisy numbers within their stated 95% margins ({@link Margins#moe95}) plus what contribution
 * bounding can have removed ({@link ReferenceModel#maxRemoved}). Shared by the pipeline ITs; with a
 * fixed release secret the noise is a fixed function of the data, so the outcome of every check is
 * too.
 */
public final class ReleaseChecks {
  /**
   * The noise scales b = Δ / ε of the default parameters, written out: every level's sensitivity is
   * min(max events 10, max cells x max hits) = 10, and ε 1.0 is split 0.35 / 0.25 / 0.2 / 0.1 over
   * TOTAL / HOUR / SBI / CELL (0.1 for the CELL selection).
   */
  public static final Map<Level, Double> DEFAULT_SCALES =
      Map.of(
          Level.TOTAL, 10 / 0.35, Level.HOUR, 10 / 0.25, Level.SBI, 10 / 0.2, Level.CELL, 10 / 0.1);

  /**
   * The default bounds per user-day: 10 events; 10 members of 10 hits per public level, 3 cells.
   */
  public static final Map<ReferenceModel.Level, Bounds> DEFAULT_BOUNDS =
      Map.of(
          ReferenceModel.Level.TOTAL,
          new Bounds(10, 10, 10),
          ReferenceModel.Level.HOUR,
          new Bounds(10, 10, 10),
          ReferenceModel.Level.SBI,
          new Bounds(10, 10, 10),
          ReferenceModel.Level.CELL,
          new Bounds(10, 3, 10));

  private static final List<Level> PUBLIC = List.of(Level.TOTAL, Level.HOUR, Level.SBI);

  private ReleaseChecks() {}

  /** Every released value under {@code dir} (a {@code release/dt=D} on any file system). */
  public static List<ReleasedValue> read(Configuration conf, Path dir) throws IOException {
    List<ReleasedValue> out = new ArrayList<>();
    FileSystem fs = dir.getFileSystem(conf);
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (!st.isFile()
          || !name.endsWith(".parquet")
          || name.startsWith("_")
          || name.startsWith(".")) {
        continue;
      }
      try (ParquetReader<ReleasedValue> r =
          AvroParquetReader.<ReleasedValue>builder(HadoopInputFile.fromPath(st.getPath(), conf))
              .withDataModel(AggregateDataSupplier.model())
              .build()) {
        for (ReleasedValue v = r.read(); v != null; v = r.read()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** Every released value of a local {@code release/dt=D}. */
  public static List<ReleasedValue> read(java.nio.file.Path dir) throws IOException {
    return read(new Configuration(), new Path(dir.toUri()));
  }

  /** The member a value belongs to, as the model writes members. */
  public static CellKey member(ReleasedValue v) {
    return new CellKey(
        v.getHour() == null ? -1 : v.getHour(),
        v.getPc4(),
        v.getActivity() == null ? 0 : v.getActivity(),
        v.getSbi() == null ? "" : v.getSbi());
  }

  /** The values of a release by level and member; a member twice fails. */
  public static Map<Level, Map<CellKey, ReleasedValue>> byMember(List<ReleasedValue> values) {
    Map<Level, Map<CellKey, ReleasedValue>> out = new EnumMap<>(Level.class);
    for (Level l : Level.values()) {
      out.put(l, new HashMap<>());
    }
    for (ReleasedValue v : values) {
      assertNull(out.get(v.getLevel()).put(member(v), v), "member released twice: " + v);
    }
    return out;
  }

  /**
   * What no noise hides: every gazetteer pc4 has 1 TOTAL, 24 HOUR and one SBI value per code of the
   * public domain, all released with the default scale, nothing outside that domain; every released
   * CELL is a cell somebody was in; a value kept only for its delta is 0 exactly; deltas are null
   * exactly when the date has no baseline.
   */
  public static void assertDomain(
      List<ReleasedValue> values, LocalDate date, ReferenceModel model, boolean baseline) {
    Set<Integer> pc4s = model.pc4Domain();
    Set<String> sbis = model.sbiDomain();
    Map<Level, Map<CellKey, ReleasedValue>> m = byMember(values);
    assertEquals(pc4s.size(), m.get(Level.TOTAL).size(), date + ": one TOTAL per gazetteer pc4");
    assertEquals(
        pc4s.size() * 24, m.get(Level.HOUR).size(), date + ": 24 HOUR values per gazetteer pc4");
    assertEquals(
        pc4s.size() * sbis.size(),
        m.get(Level.SBI).size(),
        date + ": one SBI value per pc4 and code");
    for (int pc4 : pc4s) {
      assertNotNull(m.get(Level.TOTAL).get(new CellKey(-1, pc4, 0, "")), date + " TOTAL of " + pc4);
      for (int h = 0; h < 24; h++) {
        assertNotNull(
            m.get(Level.HOUR).get(new CellKey(h, pc4, 0, "")), date + " HOUR " + h + " of " + pc4);
      }
      for (String sbi : sbis) {
        assertNotNull(
            m.get(Level.SBI).get(new CellKey(-1, pc4, 0, sbi)),
            date + " SBI " + sbi + " of " + pc4);
      }
    }
    Map<CellKey, Set<String>> users = model.users.getOrDefault(date, Map.of());
    for (ReleasedValue v : values) {
      String what = date + " " + v.getLevel() + " " + member(v);
      assertEquals(date, v.getDate(), what + ": in its date's partition");
      assertTrue(pc4s.contains(v.getPc4()), what + ": a gazetteer pc4");
      if (v.getReleased()) {
        assertEquals(
            DEFAULT_SCALES.get(v.getLevel()), v.getHitsScale(), 1e-9, what + ": noise scale");
      } else {
        assertEquals(Level.CELL, v.getLevel(), what + ": only a CELL is kept for its delta alone");
        assertEquals(0L, v.getHits(), what + ": not released, so 0 exactly");
        assertEquals(0.0, v.getHitsScale(), what);
        assertTrue(
            v.getDelta() != null && v.getDeltaScale() > 0, what + ": kept because D-7 released it");
      }
      if (v.getLevel() == Level.CELL && v.getReleased()) {
        CellKey cell = member(v);
        assertTrue(
            users.containsKey(cell) && !users.get(cell).isEmpty(),
            what + ": selection keeps only touched cells");
      }
      assertEquals(
          baseline, v.getDelta() != null, what + ": delta present exactly with a baseline");
      assertEquals(baseline, v.getDeltaScale() != null, what + ": delta scale with the delta");
    }
  }

  /**
   * The deltas of {@code today} are the released values of {@code weekBefore} (its D-7): the
   * released hits and scale of the same member, 0 with scale 0 for a member not released then;
   * every member released then is in {@code today}.
   */
  public static void assertDeltasAre(List<ReleasedValue> today, List<ReleasedValue> weekBefore) {
    Map<Level, Map<CellKey, ReleasedValue>> now = byMember(today);
    Map<Level, Map<CellKey, ReleasedValue>> before = byMember(weekBefore);
    for (Level l : Level.values()) {
      for (Map.Entry<CellKey, ReleasedValue> e : now.get(l).entrySet()) {
        ReleasedValue b = before.get(l).get(e.getKey());
        ReleasedValue v = e.getValue();
        if (b != null && b.getReleased()) {
          assertEquals(
              b.getHits(), v.getDelta(), l + " " + e.getKey() + ": delta is D-7's released hits");
          assertEquals(
              b.getHitsScale(), v.getDeltaScale(), l + " " + e.getKey() + ": and its scale");
        } else {
          assertEquals(0L, v.getDelta(), l + " " + e.getKey() + ": not released on D-7, delta 0");
          assertEquals(0.0, v.getDeltaScale(), l + " " + e.getKey());
        }
      }
      for (Map.Entry<CellKey, ReleasedValue> e : before.get(l).entrySet()) {
        if (e.getValue().getReleased()) {
          assertTrue(
              now.get(l).containsKey(e.getKey()),
              l + " " + e.getKey() + " released on D-7 is in D's release");
        }
      }
    }
  }

  /**
   * The report's bounding and release sections and the manifest against the model and the values:
   * users, events kept and dropped and users touched exactly; nothing dropped or clamped at the
   * public levels (their caps cannot bind below 10 events); CELLs dropped within the model's range;
   * values, selected cells and total hits as counted in the Parquet.
   */
  public static void assertAccounting(
      JsonNode report,
      JsonNode manifest,
      List<ReleasedValue> values,
      ReferenceModel model,
      LocalDate date) {
    JsonNode b = report.get("bounding");
    assertNotNull(b, date + ": the report has a bounding section: " + report);
    long events = report.get("events").asLong();
    assertEquals(model.userDays(date), b.get("users").asLong(), date + " bounding.users");
    assertEquals(
        model.eventsDropped(date, 10),
        b.get("events_dropped").asLong(),
        date + " bounding.events_dropped");
    assertEquals(
        events,
        b.get("events_kept").asLong() + b.get("events_dropped").asLong(),
        date + ": events_kept + events_dropped = events");
    assertEquals(
        model.usersTouched(date, DEFAULT_BOUNDS),
        b.get("users_touched").asLong(),
        date + " users_touched");
    for (String level : List.of("total", "hour", "sbi")) {
      assertEquals(0, b.get("cells_dropped").get(level).asLong(), date + " cells_dropped." + level);
    }
    for (String level : List.of("total", "hour", "sbi", "cell")) {
      assertEquals(
          0,
          b.get("hits_clamped").get(level).asLong(),
          date + " hits_clamped." + level + ": 10 hits fit");
    }
    long[] cells =
        model.cellsDroppedRange(
            date, ReferenceModel.Level.CELL, DEFAULT_BOUNDS.get(ReferenceModel.Level.CELL));
    long dropped = b.get("cells_dropped").get("cell").asLong();
    assertTrue(
        dropped >= cells[0] && dropped <= cells[1],
        date + " cells_dropped.cell " + dropped + " in [" + cells[0] + ", " + cells[1] + "]");

    JsonNode r = report.get("release");
    assertNotNull(r, date + ": the report has a release section: " + report);
    long selected =
        values.stream().filter(v -> v.getLevel() == Level.CELL && v.getReleased()).count();
    long totalHits =
        values.stream()
            .filter(v -> v.getLevel() == Level.TOTAL)
            .mapToLong(ReleasedValue::getHits)
            .sum();
    assertEquals(values.size(), r.get("values").asLong(), date + " release.values");
    assertEquals(selected, r.get("cells_selected").asLong(), date + " release.cells_selected");
    assertEquals(totalHits, r.get("total_hits").asLong(), date + " release.total_hits");
    assertTrue(
        r.get("digest").asText().matches("[0-9a-f]{16}"), date + " digest " + r.get("digest"));

    assertEquals("user-day", manifest.get("unit").asText());
    assertEquals(1.0, manifest.get("epsilon").asDouble(), date + " manifest epsilon");
    assertEquals(1e-8, manifest.get("delta").asDouble(), date + " manifest delta");
    for (String f : List.of("values", "cells_selected", "total_hits", "digest")) {
      assertEquals(r.get(f), manifest.get(f), date + " manifest " + f + " as in the report");
    }
    JsonNode p = report.get("privacy");
    assertNotNull(p, date + ": the report has a privacy section");
    assertEquals("user-day", p.get("unit").asText());
    assertEquals(1.0, p.get("epsilon").asDouble());
    assertEquals(1e-8, p.get("delta").asDouble());
    assertEquals(
        DEFAULT_SCALES.get(Level.TOTAL),
        p.get("levels").get("total").get("scale").asDouble(),
        1e-9);
  }

  /** How many checked numbers were within their margin, per kind. */
  public static final class Coverage {
    private final Map<String, long[]> counts = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();

    /** Counts one number of the default kind. */
    public void add(boolean within, String what) {
      add("checked", within, what);
    }

    void add(String kind, boolean within, String what) {
      long[] c = counts.computeIfAbsent(kind, k -> new long[2]);
      c[0] += within ? 1 : 0;
      c[1]++;
      if (!within && misses.size() < 20) {
        misses.add(what);
      }
    }

    /**
     * Every kind has at least ~90% of its numbers within their 95% margin: no more misses than
     * max(10%, 5% + 3 standard deviations of a binomial count), so a correct release passes with
     * overwhelming probability whatever the secret, and a biased or too noisy one does not.
     */
    public void assertMostWithinMargins() {
      assertFalse(counts.isEmpty(), "nothing was checked");
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        long n = e.getValue()[1];
        long missed = n - e.getValue()[0];
        double allowed = Math.max(0.10 * n, 0.05 * n + 3 * Math.sqrt(0.05 * 0.95 * n));
        assertTrue(
            missed <= allowed,
            e.getKey()
                + ": "
                + missed
                + " of "
                + n
                + " outside their margin (allowed "
                + (long) allowed
                + "); e.g. "
                + misses);
      }
    }

    /** Per kind: within / checked. */
    public Map<String, String> summary() {
      Map<String, String> out = new TreeMap<>();
      counts.forEach((k, c) -> out.put(k, c[0] + "/" + c[1]));
      return out;
    }
  }

  /**
   * The noisy numbers of one date against the model's exact ones: every public value, and per pc4
   * the sums over its hours and over its SBIs against its true total, into {@code coverage}
   * (|released − true| ≤ moe95 + what bounding can have removed); and per public level the sum over
   * the whole date: |Σ released − Σ true| ≤ moe95 + {@code eventsDropped} (the report's
   * bounding.events_dropped, all that bounding removed from any public level), asserted when {@code
   * assertDateSums} (each such check alone holds with about 97.5% for a fresh secret: the bounding
   * slack covers one side), else counted into {@code coverage}.
   */
  public static void assertWithinMargins(
      List<ReleasedValue> values,
      ReferenceModel model,
      LocalDate date,
      long eventsDropped,
      Coverage coverage,
      boolean assertDateSums) {
    Map<Level, Map<CellKey, ReleasedValue>> m = byMember(values);
    for (Level l : PUBLIC) {
      ReferenceModel.Level ml = ReferenceModel.Level.valueOf(l.name());
      Map<CellKey, Long> truth = model.trueHits(date, ml);
      Map<CellKey, Long> removed = model.maxRemoved(date, ml, DEFAULT_BOUNDS.get(ml));
      double var = 0;
      double var2 = 0;
      long released = 0;
      for (Map.Entry<CellKey, ReleasedValue> e : m.get(l).entrySet()) {
        ReleasedValue v = e.getValue();
        double vv = ReleaseBlock.variance(v.getHitsScale());
        var += vv;
        var2 += vv * vv;
        released += v.getHits();
        long t = truth.getOrDefault(e.getKey(), 0L);
        long moe = Margins.moe95(vv, vv * vv);
        coverage.add(
            "single " + l,
            Math.abs(v.getHits() - t) <= moe + removed.getOrDefault(e.getKey(), 0L),
            date
                + " "
                + l
                + " "
                + e.getKey()
                + ": released "
                + v.getHits()
                + ", true "
                + t
                + ", moe "
                + moe);
      }
      long sumTruth = truth.values().stream().mapToLong(Long::longValue).sum();
      assertEquals(
          model.goodEvents.getOrDefault(date, 0L),
          sumTruth,
          date + " " + l + ": every event in one member");
      long moe = Margins.moe95(var, var2);
      boolean within = Math.abs(released - sumTruth) <= moe + eventsDropped;
      String what =
          date
              + " "
              + l
              + " over the date: released "
              + released
              + ", true "
              + sumTruth
              + ", margin "
              + moe
              + " + bounding "
              + eventsDropped;
      System.out.println("RELEASE " + what);
      if (assertDateSums) {
        assertTrue(within, what);
      } else {
        coverage.add("date sum of " + l, within, what);
      }
    }
    // Cross-level: per pc4, the sum of its 24 hours and the sum of its SBIs against its true total.
    Map<CellKey, Long> totals = model.trueHits(date, ReferenceModel.Level.TOTAL);
    Map<CellKey, Long> removed =
        model.maxRemoved(
            date, ReferenceModel.Level.TOTAL, DEFAULT_BOUNDS.get(ReferenceModel.Level.TOTAL));
    for (Level l : List.of(Level.HOUR, Level.SBI)) {
      Map<Integer, double[]> perPc4 = new TreeMap<>();
      for (ReleasedValue v : m.get(l).values()) {
        double vv = ReleaseBlock.variance(v.getHitsScale());
        double[] s = perPc4.computeIfAbsent(v.getPc4(), p -> new double[3]);
        s[0] += v.getHits();
        s[1] += vv;
        s[2] += vv * vv;
      }
      perPc4.forEach(
          (pc4, s) -> {
            CellKey k = new CellKey(-1, pc4, 0, "");
            long t = totals.getOrDefault(k, 0L);
            long moe = Margins.moe95(s[1], s[2]);
            coverage.add(
                "sum of " + l + " per pc4",
                Math.abs((long) s[0] - t) <= moe + removed.getOrDefault(k, 0L),
                date
                    + " "
                    + pc4
                    + " sum of "
                    + l
                    + " "
                    + (long) s[0]
                    + ", true total "
                    + t
                    + ", moe "
                    + moe);
          });
    }
  }

  /** The member keys of the released values (all levels), for comparing two releases' domains. */
  public static Set<String> keys(List<ReleasedValue> values) {
    Set<String> out = new TreeSet<>();
    for (ReleasedValue v : values) {
      out.add(v.getDate() + "/" + v.getLevel() + "/" + member(v));
    }
    return out;
  }

  /**
   * Two lists of records are equal, as sorted text; a failure names how many differ and the first
   * few (a release has hundreds of thousands of values: never the whole list).
   */
  public static void assertSameRecords(List<?> expected, List<?> actual, String what) {
    List<String> e = new ArrayList<>();
    expected.forEach(x -> e.add(String.valueOf(x)));
    e.sort(null);
    List<String> a = new ArrayList<>();
    actual.forEach(x -> a.add(String.valueOf(x)));
    a.sort(null);
    if (e.equals(a)) {
      return;
    }
    Set<String> onlyE = new TreeSet<>(e);
    onlyE.removeAll(new java.util.HashSet<>(a));
    Set<String> onlyA = new TreeSet<>(a);
    onlyA.removeAll(new java.util.HashSet<>(e));
    throw new AssertionError(
        what
            + ": "
            + e.size()
            + " records expected, "
            + a.size()
            + " found; "
            + onlyE.size()
            + " only expected, e.g. "
            + onlyE.stream().limit(3).toList()
            + "; "
            + onlyA.size()
            + " only found, e.g. "
            + onlyA.stream().limit(3).toList());
  }

  /**
   * The row blocks of one pc4: its area block decoded, and its cells block decoded (null without
   * cells).
   */
  public record Row(ReleaseBlock.Decoded area, ReleaseBlock.Decoded cells) {}

  /**
   * The HBase rows released {@code values} must publish to, per pc4, built here entry by entry from
   * the values (docs/formats.md §5): the area block with the TOTAL, HOUR and SBI sections, the
   * cells block with the CELL section (none without CELLs), each section with its level's one noise
   * scale, entries in (hour, activity, SBI) order, deltas only with a baseline.
   */
  public static Map<Integer, Row> rowsOf(List<ReleasedValue> values) {
    Map<Integer, List<ReleasedValue>> byPc4 = new TreeMap<>();
    values.forEach(v -> byPc4.computeIfAbsent(v.getPc4(), k -> new ArrayList<>()).add(v));
    Map<Integer, Row> out = new TreeMap<>();
    byPc4.forEach(
        (pc4, vs) -> {
          boolean baseline = vs.stream().anyMatch(v -> v.getDelta() != null);
          Map<Level, List<ReleaseBlock.Entry>> entries = new EnumMap<>(Level.class);
          Map<Level, double[]> scales = new EnumMap<>(Level.class);
          for (ReleasedValue v : vs) {
            entries
                .computeIfAbsent(v.getLevel(), l -> new ArrayList<>())
                .add(
                    new ReleaseBlock.Entry(
                        v.getHour() == null ? -1 : v.getHour(),
                        v.getActivity() == null ? 0 : v.getActivity(),
                        v.getSbi() == null ? "" : v.getSbi(),
                        v.getReleased(),
                        v.getHits(),
                        v.getDelta() != null && v.getDeltaScale() > 0,
                        v.getDelta() == null ? 0 : v.getDelta()));
            double[] s = scales.computeIfAbsent(v.getLevel(), l -> new double[2]);
            s[0] = Math.max(s[0], v.getHitsScale());
            s[1] = Math.max(s[1], v.getDeltaScale() == null ? 0 : v.getDeltaScale());
          }
          List<ReleaseBlock.Section> area = new ArrayList<>();
          List<ReleaseBlock.Section> cells = new ArrayList<>();
          entries.forEach(
              (l, es) -> {
                es.sort(
                    Comparator.comparingInt(ReleaseBlock.Entry::hour)
                        .thenComparingInt(ReleaseBlock.Entry::activity)
                        .thenComparing(ReleaseBlock.Entry::sbi));
                ReleaseBlock.Section s =
                    new ReleaseBlock.Section(
                        l, scales.get(l)[0], baseline ? scales.get(l)[1] : Double.NaN, es);
                (l == Level.CELL ? cells : area).add(s);
              });
          out.put(
              pc4,
              new Row(
                  new ReleaseBlock.Decoded(baseline, area),
                  cells.isEmpty() ? null : new ReleaseBlock.Decoded(baseline, cells)));
        });
    return out;
  }
}
