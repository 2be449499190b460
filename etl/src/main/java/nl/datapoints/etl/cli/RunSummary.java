package nl.datapoints.etl.cli;

import java.io.PrintStream;
import nl.datapoints.etl.common.RunReport;
import nl.datapoints.etl.run.Pipeline;
import org.apache.hadoop.fs.Path;

/**
 * What the driver prints after a successful run: one line per date and a total (driver side).
 * {@code cells} are the exact k-suppressed aggregates (internal); {@code released values} the
 * differentially private release, the only thing the serving store gets.
 */
final class RunSummary {
  private RunSummary() {}

  /** Prints the summary of {@code r}; returns the path of the last date's report. */
  static Path print(PrintStream out, Pipeline.Result r, double seconds) {
    long lines = 0;
    long events = 0;
    long quarantined = 0;
    long cells = 0;
    long values = 0;
    for (RunReport rep : r.reports().values()) {
      lines += rep.linesRead();
      events += rep.events();
      quarantined += rep.quarantinedTotal();
      cells += rep.cellsPublished();
      values += rep.release() == null ? 0 : rep.release().values();
      out.printf(
          "  %s: %s lines %d, events %d, quarantined %d, empty %d, cells %d (suppressed %d), %s, baseline %s, %s%n",
          rep.date(),
          rep.status(),
          rep.linesRead(),
          rep.events(),
          rep.quarantinedTotal(),
          rep.emptyLines(),
          rep.cellsPublished(),
          rep.cellsSuppressed(),
          released(rep),
          rep.baselineMissing() ? "missing" : "ok",
          rep.published() ? "published" : "not published");
    }
    Path last = r.reportPaths().values().stream().reduce((x, y) -> y).orElseThrow();
    out.printf(
        "SUCCEEDED %d date(s), generation %d: %d lines, %d events, %d quarantined, %d cells, %d released values"
            + " in %.1f s; report %s%n",
        r.reports().size(),
        r.generation(),
        lines,
        events,
        quarantined,
        cells,
        values,
        seconds,
        last);
    return last;
  }

  private static String released(RunReport rep) {
    if (rep.release() == null) {
      return "not released";
    }
    String spent =
        rep.privacy() == null
            ? ""
            : String.format(
                java.util.Locale.ROOT, ", epsilon spent %s", rep.privacy().epsilonSpent());
    return "released "
        + rep.release().values()
        + " values ("
        + rep.release().cellsSelected()
        + " cells selected"
        + spent
        + ")";
  }
}
