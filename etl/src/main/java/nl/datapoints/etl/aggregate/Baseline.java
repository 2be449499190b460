package nl.datapoints.etl.aggregate;

/**
 * What a cell of date D knows about the same cell on D-7: nothing because D-7 was never published
 * ({@link #missing()}), or the hits published then (0 when it was not published). Pure value; used
 * by tasks.
 */
record Baseline(boolean isMissing, long publishedHits) {
  private static final Baseline MISSING = new Baseline(true, 0);
  private static final Baseline NONE = new Baseline(false, 0);

  Baseline {
    if (publishedHits < 0) {
      throw new IllegalArgumentException("publishedHits must be >= 0, was " + publishedHits);
    }
  }

  /** D-7 was never published: the delta of every cell of D is null. */
  static Baseline missing() {
    return MISSING;
  }

  /** D-7 is published but this cell was not published on it. */
  static Baseline none() {
    return NONE;
  }

  /** The cell was published on D-7 with these hits (read from its published Parquet). */
  static Baseline published(long hits) {
    return hits == 0 ? NONE : new Baseline(false, hits);
  }

  /**
   * The cell's D-7 counts computed from D-7's events in the same batch: published only when it had
   * enough distinct users, otherwise its published hits are 0.
   */
  static Baseline fromEvents(long hits, boolean enoughUsers) {
    return enoughUsers ? published(hits) : NONE;
  }

  /** The delta of the cell on D: null when missing, else the published hits of D-7. */
  Long delta() {
    return isMissing ? null : publishedHits;
  }
}
