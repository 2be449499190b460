package nl.datapoints.etl.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-date totals of one reduce task: cells and hits published and suppressed, rendered as the
 * {@code YYYY-MM-DD\tmetric\tvalue} lines of the shared stats contract. Pure; used by tasks.
 */
final class DateStats {
  static final String CELLS_PUBLISHED = "cells_published";
  static final String HITS_PUBLISHED = "hits_published";
  static final String CELLS_SUPPRESSED = "cells_suppressed";
  static final String HITS_SUPPRESSED = "hits_suppressed";

  /** One stats line: date, metric name and value. */
  record Line(String date, String metric, long value) {
    @Override
    public String toString() {
      return date + "\t" + metric + "\t" + value;
    }
  }

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
  List<Line> lines() {
    List<Line> lines = new ArrayList<>(4 * batch.size());
    for (int i = 0; i < batch.size(); i++) {
      String d = batch.label(i);
      lines.add(new Line(d, CELLS_PUBLISHED, cellsPublished[i]));
      lines.add(new Line(d, HITS_PUBLISHED, hitsPublished[i]));
      lines.add(new Line(d, CELLS_SUPPRESSED, cellsSuppressed[i]));
      lines.add(new Line(d, HITS_SUPPRESSED, hitsSuppressed[i]));
    }
    return lines;
  }
}
