package nl.datapoints.etl.aggregate;

/**
 * Hits and capped distinct users of one cell as seen so far. Pure (no Hadoop types); used by tasks
 * for in-mapper combining, in the combiner and in the reducer.
 */
final class CellTally {
  long hits;
  final UserSet users;

  CellTally(int minUsers) {
    this.users = new UserSet(minUsers);
  }

  /** Counts one event of the user with key (hi, lo). */
  void addEvent(long hi, long lo) {
    hits++;
    users.add(hi, lo);
  }

  /** True when the cell has at least {@code minUsers} distinct users. */
  boolean enoughUsers() {
    return users.saturated();
  }

  void clear() {
    hits = 0;
    users.clear();
  }
}
