package nl.datapoints.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.client.Put;

/**
 * The Puts the serving tests write in place of a publish: a data row of store layout 3 and a
 * pointer flip through the schemas' own codecs, so every fixture writes what the publish writes. A
 * test chooses the released (noisy) values itself with {@link Release}, so it knows every value and
 * scale an answer sums and can compute the answer independently.
 */
public final class TestRows {
  private TestRows() {}

  /**
   * The data row of {@code date} + {@code pc4} at generation {@code gen}: {@code r:a} and, with
   * cells, {@code d:c}.
   */
  public static Put row(LocalDate date, int pc4, long gen, Release release) {
    Put put = new Put(RowKey.of(date, pc4).toBytes());
    put.addColumn(StoreLayout.familyOf(ReleaseBlock.AREA), ReleaseBlock.AREA, gen, release.area());
    byte[] cells = release.cells();
    if (cells != null) {
      put.addColumn(StoreLayout.familyOf(ReleaseBlock.CELLS), ReleaseBlock.CELLS, gen, cells);
    }
    return put;
  }

  /** Adds the pointer flip of {@code date} to {@code pointer} (a Put of the pointer row). */
  public static Put flip(Put pointer, LocalDate date, Generation current, List<Generation> kept) {
    PointerRow.flip(date, current, kept)
        .forEach((q, v) -> pointer.addColumn(StoreLayout.FAMILY, q, v));
    return pointer;
  }

  /** A Put of the pointer row making {@code current} the only generation of {@code date}. */
  public static Put flip(LocalDate date, Generation current) {
    return flip(new Put(StoreLayout.POINTER_ROW), date, current, List.of(current));
  }

  /** A generation of a private release at ε = {@code epsilon}, δ = 1e-8 per user-day. */
  public static Generation generation(
      long id, long publishedAt, boolean baselineMissing, long cells, long hits, double epsilon) {
    return new Generation(id, publishedAt, baselineMissing, cells, hits, epsilon, 1e-8);
  }

  /**
   * A true cell of a test's model, from which {@link Release#derived} makes a row's released
   * values.
   */
  public record Cell(int hour, int activity, String sbi, long hits, long delta) {}

  /**
   * The released values of one row, member by member, with the noise scale of each level. A delta
   * of {@code null} means the member had no released value on D-7 ({@code deltaReleased} false);
   * without a baseline every delta is ignored.
   */
  public static final class Release {
    private final boolean baseline;
    private final Map<Level, double[]> scales = new EnumMap<>(Level.class);
    private final Map<Level, List<ReleaseBlock.Entry>> entries = new EnumMap<>(Level.class);

    private Release(boolean baseline) {
      this.baseline = baseline;
      for (Level l : Level.values()) {
        entries.put(l, new ArrayList<>());
      }
    }

    /** An empty release of a date that has ({@code baseline}) or has not a released D-7. */
    public static Release of(boolean baseline) {
      return new Release(baseline);
    }

    /**
     * The release of a row as the pipeline makes it from {@code truth} (every cell selected):
     * TOTAL, every HOUR 0-23 and every SBI of {@code sbiDomain} (zeros included) and each cell,
     * each value its true sum plus a draw of {@code noise}, every level at {@code scale}.
     */
    public static Release derived(
        boolean baseline,
        List<Cell> truth,
        List<String> sbiDomain,
        double scale,
        LongSupplier noise) {
      return derived(baseline, truth, sbiDomain, l -> scale, c -> true, l -> noise.getAsLong());
    }

    /**
     * The release of a row from {@code truth} with a scale and a noise draw per level: the public
     * levels complete (zeros included), the CELL level only for the cells {@code selected} keeps
     * (as partition selection leaves out cells with few users).
     */
    public static Release derived(
        boolean baseline,
        List<Cell> truth,
        List<String> sbiDomain,
        ToDoubleFunction<Level> scale,
        Predicate<Cell> selected,
        ToLongFunction<Level> noise) {
      Release r = of(baseline);
      for (Level l : Level.values()) {
        r.scales(l, scale.applyAsDouble(l), scale.applyAsDouble(l));
      }
      long[] total = new long[2];
      long[][] hours = new long[24][2];
      Map<String, long[]> sbis = new TreeMap<>();
      sbiDomain.forEach(s -> sbis.put(s, new long[2]));
      for (Cell c : truth) {
        add(total, c);
        add(hours[c.hour()], c);
        add(sbis.computeIfAbsent(c.sbi(), k -> new long[2]), c);
        if (selected.test(c)) {
          r.cell(
              c.hour(),
              c.activity(),
              c.sbi(),
              c.hits() + noise.applyAsLong(Level.CELL),
              c.delta() + noise.applyAsLong(Level.CELL));
        }
      }
      r.total(total[0] + noise.applyAsLong(Level.TOTAL), total[1] + noise.applyAsLong(Level.TOTAL));
      for (int h = 0; h < 24; h++) {
        r.hour(
            h,
            hours[h][0] + noise.applyAsLong(Level.HOUR),
            hours[h][1] + noise.applyAsLong(Level.HOUR));
      }
      sbis.forEach(
          (s, v) ->
              r.sbi(s, v[0] + noise.applyAsLong(Level.SBI), v[1] + noise.applyAsLong(Level.SBI)));
      return r;
    }

    private static void add(long[] sums, Cell c) {
      sums[0] += c.hits();
      sums[1] += c.delta();
    }

    /** The noise scales of {@code level}'s hits and deltas. */
    public Release scales(Level level, double hitsScale, double deltaScale) {
      scales.put(level, new double[] {hitsScale, deltaScale});
      return this;
    }

    public Release total(long hits, Long delta) {
      return add(
          Level.TOTAL, new ReleaseBlock.Entry(-1, 0, "", true, hits, delta != null, delta(delta)));
    }

    public Release hour(int hour, long hits, Long delta) {
      return add(
          Level.HOUR, new ReleaseBlock.Entry(hour, 0, "", true, hits, delta != null, delta(delta)));
    }

    public Release sbi(String sbi, long hits, Long delta) {
      return add(
          Level.SBI, new ReleaseBlock.Entry(-1, 0, sbi, true, hits, delta != null, delta(delta)));
    }

    public Release cell(int hour, int activity, String sbi, long hits, Long delta) {
      return add(
          Level.CELL,
          new ReleaseBlock.Entry(hour, activity, sbi, true, hits, delta != null, delta(delta)));
    }

    /** A cell not selected on this date, kept for its released value on D-7. */
    public Release lapsedCell(int hour, int activity, String sbi, long delta) {
      return add(Level.CELL, new ReleaseBlock.Entry(hour, activity, sbi, false, 0, true, delta));
    }

    private long delta(Long delta) {
      return baseline && delta != null ? delta : 0;
    }

    private Release add(Level level, ReleaseBlock.Entry e) {
      entries
          .get(level)
          .add(
              baseline
                  ? e
                  : new ReleaseBlock.Entry(
                      e.hour(), e.activity(), e.sbi(), e.released(), e.hits(), false, 0));
      return this;
    }

    /** Whether the date has a baseline (deltas). */
    public boolean baseline() {
      return baseline;
    }

    /**
     * The values of {@code level}, as added (a delta not released reads {@code deltaReleased}
     * false).
     */
    public List<ReleaseBlock.Entry> entries(Level level) {
      return List.copyOf(entries.get(level));
    }

    /** The noise scale of {@code level}'s hits. */
    public double hitsScale(Level level) {
      return scalesOf(level)[0];
    }

    /** The noise scale of {@code level}'s deltas. */
    public double deltaScale(Level level) {
      return scalesOf(level)[1];
    }

    private double[] scalesOf(Level level) {
      double[] s = scales.get(level);
      if (s == null) {
        throw new IllegalStateException("no noise scales given for level " + level);
      }
      return s;
    }

    /** The {@code r:a} block: a section per public-domain level that has values. */
    public byte[] area() {
      return block(List.of(Level.TOTAL, Level.HOUR, Level.SBI));
    }

    /** The {@code d:c} block, or null when the row has no CELL values. */
    public byte[] cells() {
      return entries.get(Level.CELL).isEmpty() ? null : block(List.of(Level.CELL));
    }

    private byte[] block(List<Level> levels) {
      List<ReleaseBlock.Section> sections = new ArrayList<>();
      for (Level l : levels) {
        if (!entries.get(l).isEmpty()) {
          sections.add(new ReleaseBlock.Section(l, hitsScale(l), deltaScale(l), entries.get(l)));
        }
      }
      return ReleaseBlock.encode(baseline, sections);
    }

    /** Released hits of the TOTAL (0 when none). */
    public long totalHits() {
      return entries.get(Level.TOTAL).stream().mapToLong(ReleaseBlock.Entry::hits).sum();
    }

    /** Number of values of the row. */
    public int size() {
      return entries.values().stream().mapToInt(List::size).sum();
    }
  }
}
