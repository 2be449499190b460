package nl.datapoints.serving.core;

import java.util.List;

/** Read access to the serving store: the published generations and the row blocks of an area. */
public interface CellStore {
  /** What to read per row. */
  enum Blocks {
    /** The per-hour and per-SBI rollups, enough for unfiltered queries. */
    ROLLUPS,
    /** The block of every cell, for filtered queries. */
    CELLS
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
   * A date and the generation to read it at.
   *
   * @param date the date (ISO, as in the row key)
   * @param generation the generation id (HBase timestamp of its cells)
   */
  record DatedGeneration(java.time.LocalDate date, long generation) {}
}
