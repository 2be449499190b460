package nl.datapoints.etl.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The checks between the enrich job and the swap that makes its output visible (pure; runs in the
 * driver). A date fails, with one problem naming it, when its accounting identity is broken, when
 * it had no input lines at all, or when more than {@code --max-bad-fraction} of its lines were
 * quarantined (exactly the fraction passes). Any problem fails the whole run, so nothing of the
 * batch is published.
 */
final class RunGates {
  /** How many quarantine reasons a bad-fraction problem names. */
  static final int TOP_REASONS = 3;

  private final double maxBadFraction;
  private final Function<LocalDate, String> input;
  private final Function<LocalDate, String> quarantine;

  /**
   * @param maxBadFraction the largest quarantined / lines_read a date may have
   * @param input where a date's raw lines are, for the "no input lines" problem
   * @param quarantine where a date's quarantined lines are, for the bad-fraction problem
   */
  RunGates(
      double maxBadFraction,
      Function<LocalDate, String> input,
      Function<LocalDate, String> quarantine) {
    this.maxBadFraction = maxBadFraction;
    this.input = input;
    this.quarantine = quarantine;
  }

  /** One problem per failing date, in the map's order; empty when every date passes. */
  List<String> problems(Map<LocalDate, EnrichFigures> byDate) {
    List<String> problems = new ArrayList<>();
    byDate.forEach(
        (d, f) -> {
          String p = problem(d, f);
          if (p != null) {
            problems.add(p);
          }
        });
    return problems;
  }

  /** The message of a run that failed its gates. */
  static String failure(List<String> problems) {
    return "nothing published: " + String.join("; ", problems);
  }

  private String problem(LocalDate d, EnrichFigures f) {
    if (!f.accountingHolds()) {
      return String.format(
          Locale.ROOT,
          "%s: accounting identity broken: lines_read %d != events %d + quarantined %d + empty_lines %d",
          d,
          f.linesRead(),
          f.events(),
          f.quarantinedTotal(),
          f.emptyLines());
    }
    if (f.linesRead() == 0) {
      return d
          + ": no input lines in "
          + input.apply(d)
          + (f.corruptFiles().isEmpty()
              ? ""
              : " (corrupt files skipped: " + f.corruptFiles() + ")");
    }
    if ((double) f.quarantinedTotal() / f.linesRead() > maxBadFraction) {
      // Locale.ROOT: the percentage is read by people and by log searches alike, with a '.'.
      return String.format(
          Locale.ROOT,
          "%s: %d of %d lines quarantined (%.2f%%, more than --max-bad-fraction %s); top reasons: %s; see %s",
          d,
          f.quarantinedTotal(),
          f.linesRead(),
          100.0 * f.quarantinedTotal() / f.linesRead(),
          maxBadFraction,
          f.topReasons(TOP_REASONS),
          quarantine.apply(d));
    }
    return null;
  }
}
