package nl.datapoints.etl.run;

import java.time.LocalDate;
import nl.datapoints.etl.common.RunReport;

/** What a run found and did for one date, filled in stage by stage in the driver. */
final class DateOutcome {
  final LocalDate date;
  EnrichFigures enrich = EnrichFigures.NONE;
  long cellsPublished;
  long cellsSuppressed;
  long hitsPublished;
  long hitsSuppressed;
  boolean baselineMissing;
  RunReport.Release release;
  RunReport.Bounding bounding;
  RunReport.Privacy privacy;
  boolean enriched;
  boolean aggregated;
  boolean released;
  boolean published;

  DateOutcome(LocalDate date) {
    this.date = date;
  }

  /** Starts from an earlier stage's report of the same date. */
  void carryOver(RunReport r) {
    enrich =
        new EnrichFigures(
            r.linesRead(), r.events(), r.emptyLines(), r.quarantined(), r.corruptFiles());
    cellsPublished = r.cellsPublished();
    cellsSuppressed = r.cellsSuppressed();
    hitsPublished = r.hitsPublished();
    hitsSuppressed = r.hitsSuppressed();
    baselineMissing = r.baselineMissing();
    release = r.release();
    bounding = r.bounding();
    privacy = r.privacy();
  }

  RunReport report(
      long generation,
      String status,
      String message,
      int minUsers,
      String startedAt,
      String finishedAt) {
    return new RunReport(
        date.toString(),
        generation,
        status,
        message,
        enrich.linesRead(),
        enrich.events(),
        enrich.emptyLines(),
        enrich.quarantined(),
        enrich.quarantinedTotal(),
        enrich.accountingHolds(),
        cellsPublished,
        cellsSuppressed,
        hitsPublished,
        hitsSuppressed,
        baselineMissing,
        enrich.corruptFiles(),
        published,
        minUsers,
        startedAt,
        finishedAt,
        release,
        bounding,
        privacy);
  }
}
