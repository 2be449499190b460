package nl.datapoints.etl.run;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.RunReport;
import nl.datapoints.etl.release.ReleaseManifest;
import nl.datapoints.schemas.Generation;

/**
 * Stage 4 of a run (driver): the dates' releases published to the serving store through {@link
 * Pipeline.Publishing}, each date's outcome taking the figures the publish counted when this run
 * did not release it.
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
        .printf("[4/4] publish %d date(s) to HBase table %s%n", dates.size(), ctx.cfg().table());
    for (LocalDate d : dates) {
      if (!ctx.warehouse().exists(l.release(d))) {
        throw new StageFailedException(
            "nothing to publish for "
                + d
                + ": "
                + l.release(d)
                + " does not exist (run the release first)");
      }
    }
    for (Map.Entry<LocalDate, Generation> live : publishing.publish(dates, generation).entrySet()) {
      DateOutcome o = outcomes.get(live.getKey());
      o.published = true;
      if (!o.released) {
        // What this run loaded, as its manifest and the publish itself describe it: an earlier
        // report may not describe this release (loaded from elsewhere, rewritten since, or itself
        // a publish-only report), so its release figures are not carried over.
        ReleaseManifest m =
            ReleaseManifest.read(ctx.warehouse().fileSystem(), l.release(live.getKey()))
                .orElseThrow();
        o.release =
            new RunReport.Release(
                live.getValue().cells(), m.cellsSelected(), live.getValue().hits(), m.digest());
        o.baselineMissing = live.getValue().baselineMissing();
        // The guarantee is the manifest's, and its cost the date's releases so far (this one
        // counted once, also when no report of this warehouse made it); the bounds' figures are
        // those of the run that made this release, when a report of it is still there.
        List<RunReport> earlier = ctx.warehouse().reports(live.getKey());
        o.privacy = ReleaseStage.spent(earlier, m.digest(), m.epsilon(), m.delta(), m.levels());
        o.bounding = madeBy(earlier, m.digest());
      }
    }
  }

  /**
   * The bounding figures of the newest earlier report that made the release {@code digest}, or
   * null.
   */
  private static RunReport.Bounding madeBy(List<RunReport> earlier, String digest) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      RunReport r = earlier.get(i);
      if (r.release() != null && digest.equals(r.release().digest()) && r.bounding() != null) {
        return r.bounding();
      }
    }
    return null;
  }
}
