package nl.datapoints.serving.core;

import java.util.Locale;
import nl.datapoints.schemas.Level;

/**
 * Which released level answers each part of an area answer, and so which blocks are read (pure):
 * every number comes from the coarsest level that can answer it, because a coarser level sums fewer
 * noisy values (a smaller margin) and is complete, while the CELL level holds only the cells that
 * partition selection kept (a lower bound).
 *
 * <ul>
 *   <li>no filter: totals and points from TOTAL, timeline from HOUR, stats from SBI;
 *   <li>only {@code sbi} filters: totals, points and stats from the matching SBI values, the
 *       timeline from the matching CELLs (no released level has SBI × hour but CELL);
 *   <li>any {@code activity} filter: everything from the matching CELLs.
 * </ul>
 */
public enum ReadPlan {
  UNFILTERED(CellStore.Blocks.AREA, Level.TOTAL, Level.TOTAL, Level.HOUR, Level.SBI),
  SBI_FILTERED(CellStore.Blocks.AREA_AND_CELLS, Level.SBI, Level.SBI, Level.CELL, Level.SBI),
  ACTIVITY_FILTERED(CellStore.Blocks.CELLS, Level.CELL, Level.CELL, Level.CELL, Level.CELL);

  private final CellStore.Blocks blocks;
  private final Level totals;
  private final Level points;
  private final Level timeline;
  private final Level stats;

  ReadPlan(CellStore.Blocks blocks, Level totals, Level points, Level timeline, Level stats) {
    this.blocks = blocks;
    this.totals = totals;
    this.points = points;
    this.timeline = timeline;
    this.stats = stats;
  }

  /** The plan of a query with {@code filter}. */
  public static ReadPlan of(Filter filter) {
    if (!filter.activity().isEmpty()) {
      return ACTIVITY_FILTERED;
    }
    return filter.sbi().isEmpty() ? UNFILTERED : SBI_FILTERED;
  }

  public CellStore.Blocks blocks() {
    return blocks;
  }

  public Level totals() {
    return totals;
  }

  public Level points() {
    return points;
  }

  public Level timeline() {
    return timeline;
  }

  public Level stats() {
    return stats;
  }

  /**
   * The name a level has in the answer's {@code levels}: {@code total}, {@code hour}, {@code sbi},
   * {@code cell}.
   */
  public static String name(Level level) {
    return level.name().toLowerCase(Locale.ROOT);
  }
}
