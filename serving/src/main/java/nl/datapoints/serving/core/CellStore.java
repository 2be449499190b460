package nl.datapoints.serving.core;

import java.util.List;
import nl.datapoints.endpoint.AreaSums;

/** Read access to the serving store: the published generations and the row blocks of an area. */
public interface CellStore {
  /**
   * What to read per row (store layout 3: {@code r:a} the area block, {@code d:c} the cells block).
   */
  enum Blocks {
    /** The public-domain levels (TOTAL, HOUR, SBI): enough for unfiltered queries. */
    AREA,
    /**
     * Both blocks: an SBI filter answers totals, points and stats from SBI, the timeline from CELL.
     */
    AREA_AND_CELLS,
    /** The selected cells only: an activity filter is answered from CELL alone. */
    CELLS;

    /** Whether the area block ({@code r:a}) is read. */
    public boolean area() {
      return this != CELLS;
    }

    /** Whether the cells block ({@code d:c}) is read. */
    public boolean cells() {
      return this != AREA;
    }
  }

  /**
   * The current pointer-row snapshot (may be a few seconds old).
   *
   * @throws StoreUnavailableException when no snapshot can be had in time
   */
  PublishedDates published();

  /**
   * Reads every row of {@code dates} × {@code pc4s}, each date at exactly its generation, in one
   * batch, and hands the rows that exist to {@code sink} (in the calling thread).
   *
   * @param dates the dates and generations to read
   * @throws StoreUnavailableException when the store does not answer in time
   */
  void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, RowSink sink);

  /**
   * Sums every row of {@code dates} × {@code pc4s} into {@code sums} next to the data, when the
   * store can: then {@code sums} holds the sums of every such row and this returns true. When it
   * cannot (no such capability, or not now) it returns false and has added nothing; the caller then
   * {@link #read}s the rows.
   *
   * @throws StoreUnavailableException when the store does not answer in time
   */
  default boolean sum(List<DatedGeneration> dates, int[] pc4s, AreaSums sums) {
    return false;
  }

  /**
   * A date and the generation to read it at.
   *
   * @param date the date (ISO, as in the row key)
   * @param generation the generation id (HBase timestamp of its cells)
   */
  record DatedGeneration(java.time.LocalDate date, long generation) {}
}
