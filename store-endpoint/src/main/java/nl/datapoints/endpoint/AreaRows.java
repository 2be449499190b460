package nl.datapoints.endpoint;

import java.util.Arrays;

/**
 * Walks the rows of one date in key order against the area (pure): for each row's postcode4 it says
 * whether to sum it (its index in the area), skip it, stop, or seek ahead to the next run — so a
 * region reads the runs of the area and jumps the gaps between them instead of reading them.
 */
public final class AreaRows {
  /** The row is not in the area but inside a run: skip it. */
  public static final int SKIP = -1;

  /** No run is left: stop reading this date. */
  public static final int DONE = -2;

  /** The row lies before the current run: seek to {@link #seekTo()}. */
  public static final int SEEK = -3;

  private final int[] pc4s;
  private final int[] first;
  private final int[] last;
  private int run;

  /** The walk of {@code request}'s runs for one date. */
  public AreaRows(SumsRequest request) {
    this.pc4s = request.pc4s();
    this.first = request.runFirst();
    this.last = request.runLast();
  }

  /**
   * What to do with the row of postcode4 {@code pc4}; rows come in ascending order.
   *
   * @return the index of {@code pc4} in the area, or {@link #SKIP}, {@link #DONE} or {@link #SEEK}
   */
  public int next(int pc4) {
    while (run < first.length && last[run] < pc4) {
      run++;
    }
    if (run == first.length) {
      return DONE;
    }
    if (pc4 < first[run]) {
      return SEEK;
    }
    int i = Arrays.binarySearch(pc4s, pc4);
    return i >= 0 ? i : SKIP;
  }

  /** The postcode4 where the current run starts (after {@link #SEEK}). */
  public int seekTo() {
    return first[run];
  }
}
