package nl.datapoints.etl.aggregate;

/**
 * Decides for one cell of a date whether it is published, suppressed or carried over, and its delta
 * (docs/formats.md §4.2). Pure (no Hadoop types); runs in the reduce task.
 */
final class CellAggregator {
  private final int minUsers;

  /**
   * @param minUsers k, in {@link AggregateConfig#MIN_USERS_RANGE} (the config checked it)
   */
  CellAggregator(int minUsers) {
    this.minUsers = minUsers;
  }

  int minUsers() {
    return minUsers;
  }

  /**
   * @param hits events of the cell on D (0 when it had none)
   * @param distinctUsers distinct users of the cell on D, may be capped at {@code minUsers}
   * @param baseline the same cell on D-7
   */
  Outcome decide(long hits, int distinctUsers, Baseline baseline) {
    if (hits < 0 || distinctUsers < 0) {
      throw new IllegalArgumentException(
          "hits and distinctUsers must be >= 0, were " + hits + " and " + distinctUsers);
    }
    Long delta = baseline.delta();
    if (hits > 0 && distinctUsers >= minUsers) {
      return new Outcome(Outcome.Kind.PUBLISHED, hits, delta, 0);
    }
    // Only cells published on D-7 with hits > 0 are carried over: a carried-over cell (hits 0)
    // is not carried again, so a cell does not live on for ever after its last event.
    if (!baseline.isMissing() && baseline.publishedHits() > 0) {
      return new Outcome(Outcome.Kind.CARRIED_OVER, 0, delta, hits);
    }
    return hits == 0 ? Outcome.NOTHING : new Outcome(Outcome.Kind.NOT_PUBLISHED, 0, null, hits);
  }
}
