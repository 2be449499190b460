package nl.datapoints.etl.enrich;

/**
 * Why a raw line was quarantined instead of becoming an event (pure core; the name is the code
 * written to quarantine and stats).
 */
enum Reason {
  /** Not exactly six tab-separated fields. */
  FIELD_COUNT,
  /** {@code event_time} is not an ISO-8601 instant with an offset or {@code Z}. */
  BAD_TIMESTAMP,
  /** {@code user_id} is empty or longer than 128 characters (code points). */
  EMPTY_USER,
  /**
   * {@code postcode} is not a PC6 ({@code 1234AB}, {@code 1234 ab}) or bare PC4 with first digit
   * 1-9.
   */
  BAD_POSTCODE,
  /** {@code merchant_id} is not a positive 64-bit decimal integer. */
  BAD_MERCHANT,
  /** {@code activity_id} is not a decimal integer 1-65535. */
  BAD_ACTIVITY,
  /** The postcode4 is not in the gazetteer. */
  UNKNOWN_POSTCODE,
  /** The merchant is not in {@code merchants.csv}. */
  UNKNOWN_MERCHANT,
  /** The event's local date (Europe/Amsterdam) is not the date of its partition. */
  OUT_OF_PARTITION,
  /** The line is not valid UTF-8. */
  ENCODING,
  /** The line is longer than the maximum line length (64 KiB by default). */
  LINE_TOO_LONG
}
