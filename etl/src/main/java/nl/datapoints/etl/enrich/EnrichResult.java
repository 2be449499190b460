package nl.datapoints.etl.enrich;

/**
 * The outcome of enriching one raw line, reused from line to line so nothing is allocated per event
 * (pure core, runs in tasks). Valid until the next call of {@link Enricher#enrich}.
 */
final class EnrichResult {
  /** What became of the line. */
  public enum Kind {
    /** The line is an event: the event fields are set. */
    EVENT,
    /** The line was empty: counted, not quarantined. */
    EMPTY,
    /** The line is quarantined: {@link #reason()} says why. */
    QUARANTINED
  }

  Kind kind;
  Reason reason;
  int epochDay;
  int hour;
  int pc4;
  int activity;
  String sbi;
  final byte[] userKey = new byte[Pseudonymizer.KEY_BYTES];

  /** What became of the line. */
  public Kind kind() {
    return kind;
  }

  /** Why the line was quarantined; null unless {@link #kind()} is QUARANTINED. */
  public Reason reason() {
    return reason;
  }

  /** Local date in Europe/Amsterdam, days since 1970-01-01. */
  public int epochDay() {
    return epochDay;
  }

  /** Local hour 0-23 in Europe/Amsterdam. */
  public int hour() {
    return hour;
  }

  /** Postcode4. */
  public int pc4() {
    return pc4;
  }

  /** Activity id 1-65535. */
  public int activity() {
    return activity;
  }

  /** SBI code of the merchant (a shared instance from the reference data). */
  public String sbi() {
    return sbi;
  }

  /** The 16-byte pseudonymous user key; the array is reused, copy it to keep it. */
  public byte[] userKey() {
    return userKey;
  }

  EnrichResult quarantine(Reason why) {
    kind = Kind.QUARANTINED;
    reason = why;
    return this;
  }
}
