package nl.datapoints.serving.core;

/**
 * Receives the blocks of one data row read from the store; a block not asked for or missing is
 * null.
 */
@FunctionalInterface
public interface RowSink {
  /**
   * One row of the requested dates × area.
   *
   * @param dateIndex index into the list of dates given to the store
   * @param pc4Index index into the postcode4 array given to the store
   * @param area the area block ({@code r:a}: TOTAL, HOUR and SBI values), if it was asked for
   * @param cells the cells block ({@code d:c}: the selected CELL values), if it was asked for
   */
  void row(int dateIndex, int pc4Index, byte[] area, byte[] cells);
}
