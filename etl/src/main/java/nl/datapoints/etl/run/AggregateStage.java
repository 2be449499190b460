package nl.datapoints.etl.run;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.datapoints.etl.aggregate.AggregateConfig;
import nl.datapoints.etl.aggregate.AggregateJob;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.StageStats;
import org.apache.hadoop.fs.Path;

/**
 * Stage 2 of a run (driver): one aggregate job for the batch (events + the published D-7) into
 * staging, then every date's cells swapped in. A date whose D-7 is neither in the batch nor
 * published is aggregated with null deltas ("baseline missing").
 */
final class AggregateStage {
  private final RunContext ctx;

  AggregateStage(RunContext ctx) {
    this.ctx = ctx;
  }

  void run(List<LocalDate> dates, long generation, Map<LocalDate, DateOutcome> outcomes) {
    Warehouse wh = ctx.warehouse();
    Layout l = wh.layout();
    Set<LocalDate> inBatch = new HashSet<>(dates);
    Set<LocalDate> baselineMissing = new TreeSet<>();
    for (LocalDate d : dates) {
      LocalDate base = d.minusDays(7);
      if (!inBatch.contains(base) && !wh.exists(l.aggregates(base))) {
        baselineMissing.add(d);
      }
      if (!wh.exists(l.events(d))) {
        throw new StageFailedException(
            "no events for " + d + ": " + l.events(d) + " does not exist (run enrich first)");
      }
    }
    int minUsers = ctx.cfg().minUsers();
    ctx.out()
        .printf(
            "[2/4] aggregate %d date(s) with k=%d%s%n",
            dates.size(),
            minUsers,
            baselineMissing.isEmpty() ? "" : "; no baseline (D-7) for " + baselineMissing);
    Path staging = l.warehouseStaging(generation, "aggregate");
    AggregateConfig ac =
        AggregateConfig.of(l.warehouse(), dates, baselineMissing, minUsers)
            .withReducers(LocalMode.aggregateReducers(ctx.conf(), dates.size()));
    try {
      ctx.jobs().run(AggregateJob.create(ctx.conf(), ac, staging), "aggregate");
    } catch (IOException e) {
      throw new StageFailedException("aggregate job could not be built: " + e.getMessage(), e);
    }
    StageStats stats = wh.stats(staging);
    for (LocalDate d : dates) {
      DateOutcome o = outcomes.get(d);
      o.cellsPublished = stats.get(d, StageStats.CELLS_PUBLISHED);
      o.hitsPublished = stats.get(d, StageStats.HITS_PUBLISHED);
      o.cellsSuppressed = stats.get(d, StageStats.CELLS_SUPPRESSED);
      o.hitsSuppressed = stats.get(d, StageStats.HITS_SUPPRESSED);
      o.baselineMissing = baselineMissing.contains(d);
      wh.swapIn(Layout.staged(staging, AggregateJob.CELLS_DIR, d), l.aggregates(d), generation);
      o.aggregated = true;
    }
    wh.dropStaging(staging);
  }
}
