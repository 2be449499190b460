package nl.datapoints.bench.accuracy;

import java.util.List;

/**
 * The accuracy metrics of a group of queries (a cell of the grid, or all of them), before (the
 * k-suppressed cells, suffix K) and after (the DP release, suffix Dp), pooled over the group
 * (pure). Weighted figures pool their sums (Σ over the queries ÷ Σ true); shares count queries or
 * figures. NaN where a figure has nothing to count.
 *
 * @param label what the group is
 * @param queries its number of queries
 * @param truth Σ true totals
 * @param completenessK Σ k-suppressed ÷ Σ true
 * @param completenessDp Σ released ÷ Σ true
 * @param errorK Σ |k-suppressed − true| ÷ Σ true (weighted relative error of totals)
 * @param errorDp Σ |released − true| ÷ Σ true
 * @param within5K share of totals within ±5% of the truth
 * @param within5Dp the same for the release
 * @param timelineK Σ over queries and date × hour of |k-suppressed − true| ÷ Σ true
 * @param timelineDp the same for the release
 * @param recallK mean SBI top-5 recall (queries with any true SBI)
 * @param recallDp the same for the release
 * @param coverage share of released totals with |released − true| ≤ moe
 * @param coverageBounded the same against the truth scaled by the bounds' kept share
 * @param tooFewTotals share of totals shown as "too few to show reliably"
 * @param tooFewPoints share of points so shown
 * @param tooFewStats share of stats entries so shown
 * @param tooFewHours share of timeline hours so shown
 */
record Metrics(
    String label,
    int queries,
    long truth,
    double completenessK,
    double completenessDp,
    double errorK,
    double errorDp,
    double within5K,
    double within5Dp,
    double timelineK,
    double timelineDp,
    double recallK,
    double recallDp,
    double coverage,
    double coverageBounded,
    double tooFewTotals,
    double tooFewPoints,
    double tooFewStats,
    double tooFewHours) {

  /** The tolerance of the "within" share. */
  static final double WITHIN = 0.05;

  /** The metrics of {@code results}, labelled {@code label}. */
  static Metrics of(String label, List<QueryResult> results) {
    int n = results.size();
    long[] truth = new long[n];
    long[] suppressed = new long[n];
    long[] released = new long[n];
    long l1K = 0;
    long l1Dp = 0;
    int covered = 0;
    int coveredBounded = 0;
    long[] tooFew = new long[4];
    long[] figures = new long[4];
    double recallK = 0;
    double recallDp = 0;
    int recalled = 0;
    for (int i = 0; i < n; i++) {
      QueryResult r = results.get(i);
      truth[i] = r.truth();
      suppressed[i] = r.suppressed();
      released[i] = r.released();
      l1K += r.suppressedL1();
      l1Dp += r.releasedL1();
      if (Math.abs(r.released() - r.truth()) <= r.moe()) {
        covered++;
      }
      if (Math.abs(r.released() - r.expected()) <= r.moe()) {
        coveredBounded++;
      }
      if (!Double.isNaN(r.releasedRecall())) {
        recallK += r.suppressedRecall();
        recallDp += r.releasedRecall();
        recalled++;
      }
      tooFew[0] += r.tooFewTotal();
      figures[0]++;
      tooFew[1] += r.tooFewPoints();
      figures[1] += r.points();
      tooFew[2] += r.tooFewStats();
      figures[2] += r.stats();
      tooFew[3] += r.tooFewHours();
      figures[3] += r.hours();
    }
    long sumTruth = 0;
    for (long t : truth) {
      sumTruth += t;
    }
    return new Metrics(
        label,
        n,
        sumTruth,
        Accuracy.completeness(suppressed, truth),
        Accuracy.completeness(released, truth),
        Accuracy.weightedRelativeError(suppressed, truth),
        Accuracy.weightedRelativeError(released, truth),
        Accuracy.withinShare(suppressed, truth, WITHIN),
        Accuracy.withinShare(released, truth, WITHIN),
        Accuracy.ratio(l1K, sumTruth),
        Accuracy.ratio(l1Dp, sumTruth),
        Accuracy.ratio(recallK, recalled),
        Accuracy.ratio(recallDp, recalled),
        Accuracy.ratio(covered, n),
        Accuracy.ratio(coveredBounded, n),
        Accuracy.ratio(tooFew[0], figures[0]),
        Accuracy.ratio(tooFew[1], figures[1]),
        Accuracy.ratio(tooFew[2], figures[2]),
        Accuracy.ratio(tooFew[3], figures[3]));
  }
}
