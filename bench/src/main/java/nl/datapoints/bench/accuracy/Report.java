package nl.datapoints.bench.accuracy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The accuracy bench's output (pure): the metrics per group as TSV, as a fixed-width table for the
 * console and as a Markdown table for the results page; the per-query comparisons as TSV.
 */
final class Report {
  /** The label of the goal's group (issue 14: weighted error ≤ 3% there). */
  static final String GOAL = ">=2 km, 7 dates";

  static final String METRICS_HEADER =
      String.join(
          "\t",
          "group",
          "queries",
          "true_total",
          "completeness_k",
          "completeness_dp",
          "weighted_error_k",
          "weighted_error_dp",
          "within5_k",
          "within5_dp",
          "timeline_l1_k",
          "timeline_l1_dp",
          "top5_recall_k",
          "top5_recall_dp",
          "moe_coverage",
          "moe_coverage_bounded",
          "too_few_totals",
          "too_few_points",
          "too_few_stats",
          "too_few_hours");

  static final String QUERIES_HEADER =
      String.join(
          "\t",
          "pc4",
          "kind",
          "radius_km",
          "dates",
          "area_pc4s",
          "true_total",
          "bounded_expected",
          "k_total",
          "dp_total",
          "dp_moe",
          "k_timeline_abs_error",
          "dp_timeline_abs_error",
          "k_top5_recall",
          "dp_top5_recall",
          "too_few_total",
          "points",
          "too_few_points",
          "stats",
          "too_few_stats",
          "hours",
          "too_few_hours");

  private Report() {}

  /** The groups reported: each cell of the grid, the goal's cells together, and all queries. */
  static List<Metrics> groups(List<QueryResult> results) {
    List<Metrics> out = new ArrayList<>();
    for (int k : Grid.DATE_COUNTS) {
      for (double r : Grid.RADII) {
        out.add(
            Metrics.of(
                label(r, k),
                results.stream()
                    .filter(q -> q.query().radiusKm() == r && q.query().dates().size() == k)
                    .collect(Collectors.toList())));
      }
    }
    List<QueryResult> goal =
        results.stream()
            .filter(q -> q.query().radiusKm() >= 2 && q.query().dates().size() == 7)
            .collect(Collectors.toList());
    out.add(Metrics.of(GOAL, goal));
    // The goal's queries split by how their centre was drawn: dense (weighted) or any (uniform).
    for (String kind : List.of(Grid.WEIGHTED, Grid.UNIFORM)) {
      out.add(
          Metrics.of(
              GOAL + ", " + kind,
              goal.stream()
                  .filter(q -> q.query().centre().kind().equals(kind))
                  .collect(Collectors.toList())));
    }
    out.add(Metrics.of("all", results));
    return out;
  }

  static String label(double radiusKm, int dates) {
    return String.format(
        Locale.ROOT, "%s km, %d date%s", number(radiusKm), dates, dates == 1 ? "" : "s");
  }

  /** One TSV row of {@code m}, ratios with 6 decimals, NaN as an empty cell. */
  static String tsv(Metrics m) {
    return String.join(
        "\t",
        m.label(),
        Integer.toString(m.queries()),
        Long.toString(m.truth()),
        dec(m.completenessK()),
        dec(m.completenessDp()),
        dec(m.errorK()),
        dec(m.errorDp()),
        dec(m.within5K()),
        dec(m.within5Dp()),
        dec(m.timelineK()),
        dec(m.timelineDp()),
        dec(m.recallK()),
        dec(m.recallDp()),
        dec(m.coverage()),
        dec(m.coverageBounded()),
        dec(m.tooFewTotals()),
        dec(m.tooFewPoints()),
        dec(m.tooFewStats()),
        dec(m.tooFewHours()));
  }

  /** One TSV row of a query's comparison. */
  static String tsv(QueryResult r) {
    Grid.Query q = r.query();
    return String.join(
        "\t",
        Integer.toString(q.centre().pc4()),
        q.centre().kind(),
        number(q.radiusKm()),
        q.dates().stream().map(LocalDate::toString).collect(Collectors.joining(";")),
        Integer.toString(r.areaSize()),
        Long.toString(r.truth()),
        String.format(Locale.ROOT, "%.1f", r.expected()),
        Long.toString(r.suppressed()),
        Long.toString(r.released()),
        Long.toString(r.moe()),
        Long.toString(r.suppressedL1()),
        Long.toString(r.releasedL1()),
        dec(r.suppressedRecall()),
        dec(r.releasedRecall()),
        Integer.toString(r.tooFewTotal()),
        Integer.toString(r.points()),
        Integer.toString(r.tooFewPoints()),
        Integer.toString(r.stats()),
        Integer.toString(r.tooFewStats()),
        Integer.toString(r.hours()),
        Integer.toString(r.tooFewHours()));
  }

  /** The console table: before → after per metric, percentages. */
  static String table(List<Metrics> groups) {
    StringBuilder b = new StringBuilder();
    String format = "%-26s %4s %11s  %-13s %-12s %-12s %-13s %-13s %-13s %-16s%n";
    b.append(
        String.format(
            Locale.ROOT,
            format,
            "group",
            "n",
            "true hits",
            "complete k>dp",
            "error k>dp",
            "+-5% k>dp",
            "tl L1 k>dp",
            "top5 k>dp",
            "cover(bound)",
            "too few t/p/s/h"));
    for (Metrics m : groups) {
      b.append(
          String.format(
              Locale.ROOT,
              format,
              m.label(),
              m.queries(),
              m.truth(),
              pair(m.completenessK(), m.completenessDp()),
              pair(m.errorK(), m.errorDp()),
              pair(m.within5K(), m.within5Dp()),
              pair(m.timelineK(), m.timelineDp()),
              pair(m.recallK(), m.recallDp()),
              pct(m.coverage()) + "(" + pct(m.coverageBounded()) + ")",
              tooFew(m)));
    }
    return b.toString();
  }

  /** The Markdown table of the results page. */
  static String markdown(List<Metrics> groups) {
    StringBuilder b = new StringBuilder();
    b.append(
        "| radius, dates | queries | completeness k → DP | weighted error k → DP | within ±5% k → DP"
            + " | timeline L1 k → DP | SBI top-5 recall k → DP | margin coverage (vs bounded)"
            + " | too few: totals / points / stats / hours |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Metrics m : groups) {
      String label = m.label().equals(GOAL) ? "**≥ 2 km, 7 dates**" : m.label().replace(">=", "≥ ");
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s → %s | %s → %s | %s → %s | %s → %s | %s → %s | %s (%s) | %s |%n",
              label,
              m.queries(),
              pct(m.completenessK()),
              pct(m.completenessDp()),
              pct(m.errorK()),
              pct(m.errorDp()),
              pct(m.within5K()),
              pct(m.within5Dp()),
              pct(m.timelineK()),
              pct(m.timelineDp()),
              pct(m.recallK()),
              pct(m.recallDp()),
              pct(m.coverage()),
              pct(m.coverageBounded()),
              tooFew(m).replace("/", " / ")));
    }
    return b.toString();
  }

  private static String tooFew(Metrics m) {
    return pct(m.tooFewTotals())
        + "/"
        + pct(m.tooFewPoints())
        + "/"
        + pct(m.tooFewStats())
        + "/"
        + pct(m.tooFewHours());
  }

  private static String pair(double before, double after) {
    return pct(before) + ">" + pct(after);
  }

  /** A ratio as a percentage with one decimal ({@code 41.2%}), NaN as {@code -}. */
  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String dec(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
  }

  private static String number(double km) {
    return km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km);
  }
}
