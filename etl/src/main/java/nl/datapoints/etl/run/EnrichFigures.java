package nl.datapoints.etl.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the enrich job counted for one date (pure; driver side): the figures of the accounting
 * identity {@code lines_read = events + quarantined + empty_lines} and the corrupt files skipped.
 *
 * @param linesRead lines read from the date's raw files
 * @param events lines that became events
 * @param emptyLines blank lines
 * @param quarantined quarantined lines by reason
 * @param corruptFiles corrupt compressed files skipped with {@code --skip-corrupt-files}
 */
record EnrichFigures(
    long linesRead,
    long events,
    long emptyLines,
    Map<String, Long> quarantined,
    List<String> corruptFiles) {
  static final EnrichFigures NONE = new EnrichFigures(0, 0, 0, Map.of(), List.of());

  EnrichFigures {
    // An older report may lack the fields; they then count as none.
    quarantined =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(quarantined == null ? Map.of() : quarantined));
    corruptFiles = corruptFiles == null ? List.of() : List.copyOf(corruptFiles);
  }

  long quarantinedTotal() {
    return quarantined.values().stream().mapToLong(Long::longValue).sum();
  }

  boolean accountingHolds() {
    return linesRead == events + quarantinedTotal() + emptyLines;
  }

  /**
   * The {@code n} largest reasons, largest first, as {@code REASON count, ...}; "none" without any.
   */
  String topReasons(int n) {
    return quarantined.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(e -> e.getKey() + " " + e.getValue())
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }
}
