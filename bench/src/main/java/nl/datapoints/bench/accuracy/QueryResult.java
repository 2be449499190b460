package nl.datapoints.bench.accuracy;

/**
 * One query of the grid compared with the truth: the k-suppressed answer (sums of {@code
 * aggregates/}) and the DP release's (the service's), with what the metrics need (pure).
 *
 * @param query the query
 * @param areaSize postcode4s in the area
 * @param truth exact total from {@code events/}
 * @param expected the total the release estimates without bias: per date the true total times the
 *     date's share of events kept by the contribution bounds
 * @param suppressed total of the k-suppressed cells
 * @param released the service's shown total
 * @param moe its 95% margin
 * @param suppressedL1 Σ over date × hour of |k-suppressed − true|
 * @param releasedL1 Σ over date × hour of |shown − true|
 * @param suppressedRecall SBI top-5 recall of the k-suppressed answer (NaN: no true SBI)
 * @param releasedRecall SBI top-5 recall of the service's answer
 * @param tooFewTotal 1 when the total is "too few to show reliably", else 0
 * @param points the answer's points
 * @param tooFewPoints of which too few
 * @param stats the answer's stats entries
 * @param tooFewStats of which too few
 * @param hours the answer's timeline entries
 * @param tooFewHours of which too few
 */
record QueryResult(
    Grid.Query query,
    int areaSize,
    long truth,
    double expected,
    long suppressed,
    long released,
    long moe,
    long suppressedL1,
    long releasedL1,
    double suppressedRecall,
    double releasedRecall,
    int tooFewTotal,
    int points,
    int tooFewPoints,
    int stats,
    int tooFewStats,
    int hours,
    int tooFewHours) {

  /**
   * Compares one query's three answers.
   *
   * @param keptShare per query date (in the query's order), the share of events the contribution
   *     bounds kept (1 when unknown)
   * @param maxMarginShare the dashboard's "too few" share ({@code GET /api/settings})
   */
  static QueryResult of(
      Grid.Query query,
      int areaSize,
      Figures truth,
      Figures suppressed,
      ServiceAnswer answer,
      double[] keptShare,
      double maxMarginShare) {
    if (keptShare.length != query.dates().size()) {
      throw new IllegalArgumentException(
          "one kept share per date is needed: " + keptShare.length + " for " + query.dates());
    }
    long[] t = truth.timeline();
    double expected = 0;
    for (int d = 0; d < keptShare.length; d++) {
      long day = 0;
      for (int h = 0; h < DaySums.HOURS; h++) {
        day += t[d * DaySums.HOURS + h];
      }
      expected += day * keptShare[d];
    }
    Figures dp = answer.figures();
    return new QueryResult(
        query,
        areaSize,
        truth.total(),
        expected,
        suppressed.total(),
        dp.total(),
        answer.total().moe(),
        Accuracy.absoluteError(suppressed.timeline(), t),
        Accuracy.absoluteError(dp.timeline(), t),
        Accuracy.recall(truth.bySbi(), suppressed.bySbi(), Accuracy.TOP),
        Accuracy.recall(truth.bySbi(), dp.bySbi(), Accuracy.TOP),
        tooFew(answer.total(), maxMarginShare) ? 1 : 0,
        answer.points().size(),
        count(answer.points(), maxMarginShare),
        answer.stats().size(),
        count(answer.stats(), maxMarginShare),
        answer.hours().size(),
        count(answer.hours(), maxMarginShare));
  }

  private static boolean tooFew(ServiceAnswer.Figure f, double share) {
    return Accuracy.tooFew(f.value(), f.moe(), share);
  }

  private static int count(java.util.List<ServiceAnswer.Figure> figures, double share) {
    int n = 0;
    for (ServiceAnswer.Figure f : figures) {
      if (tooFew(f, share)) {
        n++;
      }
    }
    return n;
  }
}
