package nl.datapoints.etl.generate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the generator wrote for one partition date: the ground truth tests and benchmarks compare
 * the pipeline's run report with.
 *
 * @param lines all lines written (good + defective + empty)
 * @param events good lines, each a valid event of this local date
 * @param emptyLines empty lines (counted by the pipeline, not quarantined)
 * @param defects defective lines per defect (= quarantine reason code); all defects present, zeros
 *     included
 * @param files number of {@code part-*.tsv.gz} files
 * @param bytes compressed bytes written
 * @param rawBytes uncompressed bytes (what the pipeline reads after gunzip)
 */
public record DaySummary(
    LocalDate date,
    long lines,
    long events,
    long emptyLines,
    Map<Defect, Long> defects,
    int files,
    long bytes,
    long rawBytes) {

  /** Copies the defect map into an unmodifiable one with every defect present. */
  public DaySummary {
    EnumMap<Defect, Long> copy = new EnumMap<>(Defect.class);
    for (Defect d : Defect.values()) {
      copy.put(d, defects.getOrDefault(d, 0L));
    }
    defects = Collections.unmodifiableMap(copy);
  }

  /** Defective lines of all kinds (what the pipeline should quarantine). */
  public long quarantined() {
    return defects.values().stream().mapToLong(Long::longValue).sum();
  }
}
