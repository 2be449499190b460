package nl.datapoints.etl.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.etl.common.RunReport;

/** What a run found and did for one date, filled in stage by stage in the driver. */
final class DateOutcome {
  final LocalDate date;
  long linesRead;
  long events;
  long emptyLines;
  Map<String, Long> quarantined = new TreeMap<>();
  List<String> corruptFiles = new ArrayList<>();
  long cellsPublished;
  long cellsSuppressed;
  long hitsPublished;
  long hitsSuppressed;
  boolean baselineMissing;
  boolean enriched;
  boolean aggregated;
  boolean published;

  DateOutcome(LocalDate date) {
    this.date = date;
  }

  /** Starts from an earlier stage's report of the same date. */
  void carryOver(RunReport r) {
    linesRead = r.linesRead();
    events = r.events();
    emptyLines = r.emptyLines();
    quarantined.putAll(r.quarantined());
    corruptFiles.addAll(r.corruptFiles());
    cellsPublished = r.cellsPublished();
    cellsSuppressed = r.cellsSuppressed();
    hitsPublished = r.hitsPublished();
    hitsSuppressed = r.hitsSuppressed();
    baselineMissing = r.baselineMissing();
  }

  long quarantinedTotal() {
    return quarantined.values().stream().mapToLong(Long::longValue).sum();
  }

  boolean accountingHolds() {
    return linesRead == events + quarantinedTotal() + emptyLines;
  }

  /** Reasons by count, largest first, as {@code REASON n}. */
  String topReasons(int n) {
    return quarantined.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(e -> e.getKey() + " " + e.getValue())
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }

  RunReport report(long generation, String status, String message, int minUsers,
      String startedAt, String finishedAt) {
    return new RunReport(date.toString(), generation, status, message, linesRead, events,
        emptyLines, new TreeMap<>(quarantined), quarantinedTotal(), accountingHolds(),
        cellsPublished, cellsSuppressed, hitsPublished, hitsSuppressed, baselineMissing,
        List.copyOf(corruptFiles), published, minUsers, startedAt, finishedAt);
  }
}
