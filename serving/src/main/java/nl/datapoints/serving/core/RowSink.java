package nl.datapoints.serving.core;

/** Receives the blocks of one data row read from the store; a missing block is null. */
@FunctionalInterface
public interface RowSink {
  /**
   * One row of the requested dates × area.
   *
   * @param dateIndex index into the list of dates given to the store
   * @param pc4Index index into the postcode4 array given to the store
   * @param byHour the per-hour rollup block ({@code h}), if it was asked for
   * @param bySbi the per-SBI rollup block ({@code s}), if it was asked for
   * @param cells the block of every cell ({@code c}), if it was asked for
   */
  void row(int dateIndex, int pc4Index, byte[] byHour, byte[] bySbi, byte[] cells);
}
