package nl.datapoints.etl.run;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.etl.enrich.EnrichConfig;
import nl.datapoints.etl.enrich.EnrichJob;
import nl.datapoints.etl.enrich.HmacKey;
import org.apache.hadoop.fs.Path;

/**
 * Stage 1 of a run (driver): one enrich job for the batch into staging, then the {@link RunGates},
 * then quarantine (always) and events (only when every date passed) swapped in.
 */
final class EnrichStage {
  private final RunContext ctx;

  EnrichStage(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Enriches {@code dates} with {@code key}, which the driver loaded before any stage ran. */
  void run(
      List<LocalDate> dates, long generation, Map<LocalDate, DateOutcome> outcomes, HmacKey key) {
    Warehouse wh = ctx.warehouse();
    Layout l = wh.layout();
    for (LocalDate d : dates) {
      if (!wh.exists(l.rawPartition(d))) {
        throw new StageFailedException(
            "no raw partition for " + d + ": " + l.rawPartition(d) + " does not exist");
      }
    }
    ctx.out()
        .printf(
            "[1/4] enrich %d date(s) %s..%s from %s%n",
            dates.size(), dates.get(0), dates.get(dates.size() - 1), l.raw());
    Path staging = l.enrichStaging(generation);
    EnrichConfig ec = new EnrichConfig(l.raw(), l.ref(), dates, ctx.cfg().skipCorruptFiles());
    try {
      ctx.jobs().run(EnrichJob.create(ctx.conf(), ec, staging, key), "enrich");
    } catch (IOException e) {
      throw new StageFailedException("enrich job could not be built: " + e.getMessage(), e);
    }
    StageStats stats = wh.stats(staging);
    Map<LocalDate, EnrichFigures> figures = new TreeMap<>();
    for (LocalDate d : dates) {
      EnrichFigures f =
          new EnrichFigures(
              stats.get(d, StageStats.LINES_READ),
              stats.get(d, StageStats.EVENTS),
              stats.get(d, StageStats.EMPTY_LINES),
              stats.withPrefix(d, StageStats.QUARANTINED_PREFIX),
              stats.corruptFiles(d));
      outcomes.get(d).enrich = f;
      figures.put(d, f);
    }
    List<String> problems =
        new RunGates(
                ctx.cfg().maxBadFraction(),
                d -> l.rawPartition(d).toString(),
                d -> l.quarantine(d).toString())
            .problems(figures);
    // Quarantine goes to the raw zone even when the run fails: it is what the operator needs.
    for (LocalDate d : dates) {
      wh.swapIn(Layout.staged(staging, EnrichJob.QUARANTINE, d), l.quarantine(d), generation);
    }
    if (!problems.isEmpty()) {
      throw new StageFailedException(RunGates.failure(problems));
    }
    for (LocalDate d : dates) {
      wh.swapIn(Layout.staged(staging, EnrichJob.EVENTS, d), l.events(d), generation);
      outcomes.get(d).enriched = true;
    }
    wh.dropStaging(staging);
  }
}
