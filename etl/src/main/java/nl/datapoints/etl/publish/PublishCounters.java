package nl.datapoints.etl.publish;

/**
 * Counters of the HFile job (mapper and reducer tasks); any BAD_/DUPLICATE_ count stops the
 * publish.
 */
public enum PublishCounters {
  /** Released values read from the release (the name predates the release). */
  CELLS_READ,
  /**
   * Values that cannot be packed (row key, hour, activity, SBI out of range; mixed baselines or
   * scales).
   */
  BAD_CELL,
  /** A second value of the same (date, pc4, level, member). */
  DUPLICATE_CELL,
  /** Data rows written (one per date and postcode4). */
  ROWS_WRITTEN,
  /** Values packed into the rows written. */
  CELLS_WRITTEN
}
