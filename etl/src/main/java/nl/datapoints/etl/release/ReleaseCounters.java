package nl.datapoints.etl.release;

/** Counters of the bound and release jobs (tasks; summed by Hadoop). */
public enum ReleaseCounters {
  /** Events read by the bound job. */
  EVENTS_READ,
  /** Events of a date outside the batch (skipped). */
  EVENTS_OUTSIDE_BATCH,
  /** User-days bounded. */
  USER_DAYS,
  /** User-days of which a bound removed something. */
  USER_DAYS_TOUCHED,
  /** Events above the per-user-day cap. */
  EVENTS_DROPPED,
  /** Members above the per-level cap of a user-day, over every level. */
  CELLS_DROPPED,
  /** Hits above the per-member cap, over every level. */
  HITS_CLAMPED,
  /** Released values written. */
  VALUES_RELEASED,
  /** CELLs kept by partition selection. */
  CELLS_SELECTED,
  /** Contributions to a pc4 outside the gazetteer (skipped, never released). */
  OUTSIDE_DOMAIN
}
