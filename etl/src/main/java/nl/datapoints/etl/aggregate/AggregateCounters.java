package nl.datapoints.etl.aggregate;

/** Hadoop counters of the aggregate job (incremented in its map and reduce tasks). */
public enum AggregateCounters {
  /** Anonymized events read. */
  EVENTS_READ,
  /** Events whose date is not a date of the batch (bad input: skipped, counted). */
  EVENTS_OUTSIDE_BATCH,
  /** Times the in-mapper combining cache was full and flushed early. */
  MAP_CACHE_FLUSHES,
  /** Published cells of D-7 read as a baseline. */
  BASELINE_CELLS_READ,
  /** Published cells of D-7 with hits 0 (carry-overs): they give delta 0, so are skipped. */
  BASELINE_CELLS_WITHOUT_HITS,
  /** Published cells whose date + 7 is not in the batch (bad input: skipped, counted). */
  BASELINE_CELLS_OUTSIDE_BATCH,
  /** Cells published, including carried-over ones. */
  CELLS_PUBLISHED,
  /** Cells published with hits 0 because they were published on D-7 but not on D. */
  CELLS_CARRIED_OVER,
  /** Cells with events but fewer than k distinct users. */
  CELLS_SUPPRESSED,
  /** Hits of published cells. */
  HITS_PUBLISHED,
  /** Hits of suppressed cells. */
  HITS_SUPPRESSED
}
