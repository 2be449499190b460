package nl.datapoints.etl.aggregate;

import java.util.ArrayList;
import java.util.List;
import nl.datapoints.etl.common.StageStats;

/**
 * Per-date totals of one reduce task: cells and hits published and suppressed, rendered as {@link
 * StageStats} lines. Pure; used by tasks.
 */
final class DateStats {
  private final BatchDates batch;
  private final long[] cellsPublished;
  private final long[] hitsPublished;
  private final long[] cellsSuppressed;
  private final long[] hitsSuppressed;

  DateStats(BatchDates batch) {
    this.batch = batch;
    int n = batch.size();
    cellsPublished = new long[n];
    hitsPublished = new long[n];
    cellsSuppressed = new long[n];
    hitsSuppressed = new long[n];
  }

  void record(int dateIndex, Outcome outcome) {
    if (outcome.publishes()) {
      cellsPublished[dateIndex]++;
      hitsPublished[dateIndex] += outcome.hits();
    }
    if (outcome.suppressed()) {
      cellsSuppressed[dateIndex]++;
      hitsSuppressed[dateIndex] += outcome.suppressedHits();
    }
  }

  /** Four lines per date of the batch, zeros included, so every date is accounted for. */
  List<String> lines() {
    List<String> lines = new ArrayList<>(4 * batch.size());
    for (int i = 0; i < batch.size(); i++) {
      var d = batch.date(i);
      lines.add(StageStats.line(d, StageStats.CELLS_PUBLISHED, cellsPublished[i]));
      lines.add(StageStats.line(d, StageStats.HITS_PUBLISHED, hitsPublished[i]));
      lines.add(StageStats.line(d, StageStats.CELLS_SUPPRESSED, cellsSuppressed[i]));
      lines.add(StageStats.line(d, StageStats.HITS_SUPPRESSED, hitsSuppressed[i]));
    }
    return lines;
  }
}
