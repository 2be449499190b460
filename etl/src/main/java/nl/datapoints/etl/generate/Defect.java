package nl.datapoints.etl.generate;

/**
 * A defect the generator injects on purpose; each name is the reason code (docs/formats.md §3.1)
 * under which the pipeline must quarantine such a line. Every defective line has exactly one defect
 * and is otherwise well-formed.
 */
public enum Defect {
  /** Five or seven tab-separated fields instead of six. */
  FIELD_COUNT(2),
  /**
   * An event time that is no ISO-8601 instant with offset ({@code 2013-01-08 12:03:11}, epoch
   * seconds…).
   */
  BAD_TIMESTAMP(2),
  /** An empty user id. */
  EMPTY_USER(1),
  /** A postcode that is neither PC6 nor PC4 ({@code 0123AB}, {@code 12345}, {@code 1234-AB}…). */
  BAD_POSTCODE(2),
  /** A merchant id that is no positive 64-bit decimal ({@code 0}, {@code -42}, {@code 12.5}…). */
  BAD_MERCHANT(1),
  /** An activity id outside 1–65535 or not a decimal. */
  BAD_ACTIVITY(1),
  /** A well-formed postcode whose postcode4 is not in the gazetteer. */
  UNKNOWN_POSTCODE(2),
  /** A well-formed merchant id that is not in {@code merchants.csv}. */
  UNKNOWN_MERCHANT(2),
  /** A valid event whose local (Europe/Amsterdam) date is the day before or after the partition. */
  OUT_OF_PARTITION(3),
  /** Bytes that are not valid UTF-8 inside the user id. */
  ENCODING(1),
  /** A line longer than 64 KiB (a huge client_ip field); at most one per day, so one per file. */
  LINE_TOO_LONG(0);

  /** Relative share among the injected defects (LINE_TOO_LONG is placed separately). */
  final int weight;

  Defect(int weight) {
    this.weight = weight;
  }

  /** The reason code the pipeline reports for this defect. */
  public String reasonCode() {
    return name();
  }
}
