package nl.datapoints.etl.enrich;

/** Hadoop counters of the enrich job (incremented in tasks, read by the driver). */
public enum EnrichCounters {
  LINES_READ,
  EVENTS,
  EMPTY_LINES,
  QUARANTINED_FIELD_COUNT,
  QUARANTINED_BAD_TIMESTAMP,
  QUARANTINED_EMPTY_USER,
  QUARANTINED_BAD_POSTCODE,
  QUARANTINED_BAD_MERCHANT,
  QUARANTINED_BAD_ACTIVITY,
  QUARANTINED_UNKNOWN_POSTCODE,
  QUARANTINED_UNKNOWN_MERCHANT,
  QUARANTINED_OUT_OF_PARTITION,
  QUARANTINED_ENCODING,
  QUARANTINED_LINE_TOO_LONG,
  CORRUPT_FILES;

  /** The counter of a quarantine reason. */
  public static EnrichCounters of(Reason reason) {
    return valueOf("QUARANTINED_" + reason.name());
  }
}
