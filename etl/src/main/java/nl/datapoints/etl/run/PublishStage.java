package nl.datapoints.etl.run;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.schemas.Generation;

/**
 * Stage 3 of a run (driver): the dates' aggregates published to the serving store through {@link
 * Pipeline.Publishing}, each date's outcome taking the figures the publish counted when this run
 * did not aggregate it.
 */
final class PublishStage {
  private final RunContext ctx;
  private final Pipeline.Publishing publishing;

  PublishStage(RunContext ctx, Pipeline.Publishing publishing) {
    this.ctx = ctx;
    this.publishing = publishing;
  }

  void run(List<LocalDate> dates, long generation, Map<LocalDate, DateOutcome> outcomes) {
    if (publishing == null) {
      throw new IllegalArgumentException("publishing is off for this run");
    }
    Layout l = ctx.warehouse().layout();
    ctx.out()
        .printf("[3/3] publish %d date(s) to HBase table %s%n", dates.size(), ctx.cfg().table());
    for (LocalDate d : dates) {
      if (!ctx.warehouse().exists(l.aggregates(d))) {
        throw new StageFailedException(
            "nothing to publish for " + d + ": " + l.aggregates(d) + " does not exist");
      }
    }
    for (Map.Entry<LocalDate, Generation> live : publishing.publish(dates, generation).entrySet()) {
      DateOutcome o = outcomes.get(live.getKey());
      o.published = true;
      if (!o.aggregated) {
        // What this run loaded, counted by the publish itself: an earlier report may not
        // describe these aggregates (loaded from elsewhere, rewritten since, or itself a
        // publish-only report), so its cell figures are not carried over.
        o.cellsPublished = live.getValue().cells();
        o.hitsPublished = live.getValue().hits();
        o.baselineMissing = live.getValue().baselineMissing();
      }
    }
  }
}
