package nl.datapoints.etl.publish;

/**
 * Counters of the HFile job (mapper and reducer tasks); any BAD_/DUPLICATE_ count stops the
 * publish.
 */
public enum PublishCounters {
  /** Cells read from the aggregates. */
  CELLS_READ,
  /** Cells that cannot be packed (pc4, hour, activity, SBI or hits out of range). */
  BAD_CELL,
  /** A second cell with the same (date, pc4, hour, activity, SBI). */
  DUPLICATE_CELL,
  /** Data rows written (one per date and postcode4). */
  ROWS_WRITTEN,
  /** Cells packed into the rows written. */
  CELLS_WRITTEN
}
