package nl.datapoints.etl.aggregate;

/**
 * What happens to one cell of a date: published with its own hits, carried over from D-7 with hits
 * 0, or not published; {@code suppressedHits} > 0 when its own events were suppressed by the
 * k-anonymity threshold (a carried-over cell can also have suppressed hits). Pure value; used by
 * tasks.
 */
record Outcome(Kind kind, long hits, Long delta, long suppressedHits) {
  /** How the cell ends up. */
  enum Kind {
    PUBLISHED,
    CARRIED_OVER,
    NOT_PUBLISHED
  }

  static final Outcome NOTHING = new Outcome(Kind.NOT_PUBLISHED, 0, null, 0);

  boolean publishes() {
    return kind != Kind.NOT_PUBLISHED;
  }

  boolean suppressed() {
    return suppressedHits > 0;
  }
}
