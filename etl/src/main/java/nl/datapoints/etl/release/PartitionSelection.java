package nl.datapoints.etl.release;

/**
 * Differentially private partition selection for the CELL level, whose domain is too large to fill
 * (pure): a cell touched by n distinct users is kept with probability π(n), the optimal choice of
 * Desfontaines, Voss, Gipson and Mandayam, "Differentially private partition selection" (PoPETs
 * 2022) — the rule of Google's {@code PreAggSelectPartition}: π(0) = 0, π(n) = min(e^ε' π(n−1) +
 * δ', 1 − e^−ε' (1 − δ' − π(n−1)), 1), with ε' = ε / k and δ' = δ / k when each user touches at
 * most k cells. It is (ε, δ)-DP for the set of cells kept. The draw compared with π(n) comes from
 * the value's {@link NoiseStream}, so a rerun keeps the same cells.
 */
final class PartitionSelection {
  private final double[] keep;

  /**
   * The rule for a budget (ε, δ) shared by cells of which each user touches at most {@code
   * maxCellsPerUser}.
   */
  PartitionSelection(double epsilon, double delta, int maxCellsPerUser) {
    if (!(epsilon > 0) || !(delta > 0 && delta < 1) || maxCellsPerUser < 1) {
      throw new IllegalArgumentException(
          "partition selection needs epsilon > 0, delta in (0, 1) and"
              + " at least 1 cell per user, got "
              + epsilon
              + ", "
              + delta
              + ", "
              + maxCellsPerUser);
    }
    double e = epsilon / maxCellsPerUser;
    double d = delta / maxCellsPerUser;
    double[] p = new double[1 << 16];
    int n = 1;
    for (; n < p.length; n++) {
      double prev = p[n - 1];
      p[n] = Math.min(Math.min(Math.exp(e) * prev + d, 1 - Math.exp(-e) * (1 - d - prev)), 1);
      if (p[n] >= 1) {
        break;
      }
    }
    if (n == p.length) {
      throw new IllegalArgumentException(
          "partition selection with epsilon "
              + epsilon
              + " over "
              + maxCellsPerUser
              + " cells per user never keeps a cell for sure below "
              + p.length
              + " users; give the CELL level more epsilon or fewer cells per user");
    }
    keep = java.util.Arrays.copyOf(p, n + 1);
  }

  /** The probability that a cell of {@code users} distinct users is kept. */
  double probability(long users) {
    if (users <= 0) {
      return 0;
    }
    return users >= keep.length - 1 ? 1 : keep[(int) users];
  }

  /** The fewest users whose cell is always kept. */
  long alwaysKeptFrom() {
    return keep.length - 1;
  }

  /** Whether a cell of {@code users} users is kept, by the draw of {@code rnd}. */
  boolean keeps(long users, NoiseStream rnd) {
    double p = probability(users);
    return p >= 1 || (p > 0 && rnd.unit() < p);
  }
}
