package nl.datapoints.serving.core;

/**
 * Receives the blocks of the data rows read from the store, each where the store's client holds it
 * (an array slice), so nothing is copied out first.
 */
@FunctionalInterface
public interface RowSink {
  /** Which block of a row. */
  enum Block {
    /** {@code r:a}: TOTAL, HOUR and SBI values. */
    AREA,
    /** {@code d:c}: the selected CELL values. */
    CELLS
  }

  /**
   * One block of one row of the requested dates × area: its bytes are {@code array[offset, offset +
   * length)}, valid only during the call.
   *
   * @param dateIndex index into the list of dates given to the store
   * @param pc4Index index into the postcode4 array given to the store
   * @param block which block of the row
   */
  void block(int dateIndex, int pc4Index, Block block, byte[] array, int offset, int length);

  /**
   * One row as whole arrays; a block not asked for or missing is null.
   *
   * @param area the area block ({@code r:a}), if it was asked for
   * @param cells the cells block ({@code d:c}), if it was asked for
   */
  default void row(int dateIndex, int pc4Index, byte[] area, byte[] cells) {
    if (area != null) {
      block(dateIndex, pc4Index, Block.AREA, area, 0, area.length);
    }
    if (cells != null) {
      block(dateIndex, pc4Index, Block.CELLS, cells, 0, cells.length);
    }
  }
}
