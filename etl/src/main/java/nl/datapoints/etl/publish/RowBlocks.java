package nl.datapoints.etl.publish;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;

/**
 * The two packed values of one data row of store layout 3 (pure; runs in the reduce task, and in
 * the Put-based publish of the benchmarks): the {@link ReleaseBlock#AREA} block (TOTAL, HOUR and
 * SBI sections) and the {@link ReleaseBlock#CELLS} block (the CELL section, null when the row has
 * no cells), plus what the row contributes to its date's totals.
 *
 * @param area the {@code r:a} value
 * @param cells the {@code d:c} value, or null when no CELL is released or kept for its delta
 * @param values released values packed
 * @param totalHits the row's released TOTAL hits
 * @param nullDeltas values whose delta is null (all of them without a baseline)
 * @param duplicates values dropped because an earlier one had the same member
 */
public record RowBlocks(
    byte[] area, byte[] cells, long values, long totalHits, long nullDeltas, long duplicates) {
  private static final List<Level> AREA_LEVELS = List.of(Level.TOTAL, Level.HOUR, Level.SBI);

  /**
   * Packs one row's released values (any order, all of one date and pc4). A duplicate member is
   * counted, not packed twice.
   *
   * @throws IllegalArgumentException when the values mix baselines, or one level's released values
   *     do not share one noise scale
   */
  public static RowBlocks of(List<ReleasedValue> input) {
    Set<String> seen = new HashSet<>();
    Map<Level, List<ReleaseBlock.Entry>> entries = new EnumMap<>(Level.class);
    Map<Level, double[]> scales = new EnumMap<>(Level.class);
    long duplicates = 0;
    long nullDeltas = 0;
    long totalHits = 0;
    Boolean baseline = null;
    for (ReleasedValue v : input) {
      String member = v.getLevel() + "/" + v.getHour() + "/" + v.getActivity() + "/" + v.getSbi();
      if (!seen.add(member)) {
        duplicates++;
        continue;
      }
      boolean hasDelta = v.getDelta() != null;
      if (baseline != null && baseline != hasDelta) {
        throw new IllegalArgumentException("row mixes values with and without a delta: " + member);
      }
      baseline = hasDelta;
      nullDeltas += hasDelta ? 0 : 1;
      double[] s = scales.computeIfAbsent(v.getLevel(), l -> new double[] {0, 0});
      s[0] = sameScale(s[0], v.getReleased() ? v.getHitsScale() : 0, member);
      s[1] = sameScale(s[1], hasDelta ? v.getDeltaScale() : 0, member);
      boolean deltaReleased = hasDelta && v.getDeltaScale() > 0;
      entries
          .computeIfAbsent(v.getLevel(), l -> new ArrayList<>())
          .add(
              new ReleaseBlock.Entry(
                  v.getHour() == null ? -1 : v.getHour(),
                  v.getActivity() == null ? 0 : v.getActivity(),
                  v.getSbi() == null ? "" : v.getSbi(),
                  v.getReleased(),
                  v.getHits(),
                  deltaReleased,
                  hasDelta ? v.getDelta() : 0));
      if (v.getLevel() == Level.TOTAL) {
        totalHits += v.getHits();
      }
    }
    boolean b = baseline != null && baseline;
    List<ReleaseBlock.Section> area = new ArrayList<>();
    for (Level l : AREA_LEVELS) {
      if (entries.containsKey(l)) {
        area.add(section(l, scales.get(l), entries.get(l), b));
      }
    }
    byte[] cells =
        entries.containsKey(Level.CELL)
            ? ReleaseBlock.encode(
                b, List.of(section(Level.CELL, scales.get(Level.CELL), entries.get(Level.CELL), b)))
            : null;
    long values = entries.values().stream().mapToLong(List::size).sum();
    return new RowBlocks(
        ReleaseBlock.encode(b, area), cells, values, totalHits, nullDeltas, duplicates);
  }

  private static ReleaseBlock.Section section(
      Level l, double[] scale, List<ReleaseBlock.Entry> entries, boolean b) {
    return new ReleaseBlock.Section(l, scale[0], b ? scale[1] : Double.NaN, entries);
  }

  /** The one scale of a level: 0 (nothing released yet) or the scale every released value has. */
  private static double sameScale(double known, double next, String member) {
    if (next == 0 || known == next) {
      return known == 0 ? next : known;
    }
    if (known == 0) {
      return next;
    }
    throw new IllegalArgumentException(
        "values of one level must share one noise scale, "
            + member
            + " has "
            + next
            + " where the level has "
            + known);
  }
}
