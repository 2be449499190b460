package nl.datapoints.etl.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * Where every partition of the pipeline lives (docs/formats.md §1): the one place that builds and
 * parses partition names ({@code dt=YYYY-MM-DD}) and paths, for the driver and for tasks.
 *
 * <p>The raw zone ({@code raw}) holds the logs, the quarantine and the enrich staging area (which
 * holds quarantined raw lines until they are moved); the warehouse holds only anonymized data.
 * Directories whose names start with {@code _} or {@code .} are invisible to Hadoop's input
 * globbing, which is what keeps staging and swap-aside copies out of readers.
 *
 * <p>Tasks know only the directory their config carries (the warehouse root, the raw root), so the
 * paths under one root are also static methods taking that root.
 *
 * @param raw the raw zone root
 * @param ref the reference data directory
 * @param warehouse the warehouse root
 */
public record Layout(Path raw, Path ref, Path warehouse) {
  private static final String PREFIX = "dt=";

  /** How a partition directory is named, for messages. */
  public static final String PARTITION_PATTERN = PREFIX + "YYYY-MM-DD";

  private static final String EVENTS = "events";
  private static final String AGGREGATES = "aggregates";
  private static final String RELEASE = "release";
  private static final String REPORTS = "reports";
  private static final String QUARANTINE = "_quarantine";
  private static final String STAGING = "_staging";

  /** The name of a date's partition directory: {@code dt=YYYY-MM-DD}. */
  public static String partition(LocalDate date) {
    return PREFIX + date;
  }

  /** The date of a partition directory name {@code dt=YYYY-MM-DD}; empty for any other name. */
  public static Optional<LocalDate> parsePartition(String name) {
    if (name == null || !name.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(name.substring(PREFIX.length())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code <dir>/dt=D}: the partition of {@code date} under any partitioned directory. */
  public static Path partitionOf(Path dir, LocalDate date) {
    return new Path(dir, partition(date));
  }

  /** {@code <warehouse>/events/dt=D}, for a task that knows only the warehouse root. */
  public static Path eventsOf(Path warehouse, LocalDate date) {
    return partitionOf(new Path(warehouse, EVENTS), date);
  }

  /** {@code <warehouse>/aggregates/dt=D}, for a task that knows only the warehouse root. */
  public static Path aggregatesOf(Path warehouse, LocalDate date) {
    return partitionOf(new Path(warehouse, AGGREGATES), date);
  }

  /** {@code <warehouse>/release/dt=D}, for a task that knows only the warehouse root. */
  public static Path releaseOf(Path warehouse, LocalDate date) {
    return partitionOf(new Path(warehouse, RELEASE), date);
  }

  /**
   * The base output name a task gives {@code MultipleOutputs} for a date's files of a named output:
   * {@code <output>/dt=D/part} (the framework appends {@code -m-NNNNN} / {@code -r-NNNNN}).
   */
  public static String stagedPart(String output, LocalDate date) {
    return output + "/" + partition(date) + "/part";
  }

  /**
   * {@code <jobOutput>/<output>/dt=D}: where a job's tasks wrote a date's files of a named output.
   */
  public static Path staged(Path jobOutput, String output, LocalDate date) {
    return partitionOf(new Path(jobOutput, output), date);
  }

  public Path rawPartition(LocalDate date) {
    return partitionOf(raw, date);
  }

  public Path quarantineRoot() {
    return new Path(raw, QUARANTINE);
  }

  public Path quarantine(LocalDate date) {
    return partitionOf(quarantineRoot(), date);
  }

  public Path eventsRoot() {
    return new Path(warehouse, EVENTS);
  }

  public Path events(LocalDate date) {
    return eventsOf(warehouse, date);
  }

  public Path aggregatesRoot() {
    return new Path(warehouse, AGGREGATES);
  }

  public Path aggregates(LocalDate date) {
    return aggregatesOf(warehouse, date);
  }

  public Path releaseRoot() {
    return new Path(warehouse, RELEASE);
  }

  public Path release(LocalDate date) {
    return releaseOf(warehouse, date);
  }

  public Path reports(LocalDate date) {
    return partitionOf(new Path(warehouse, REPORTS), date);
  }

  /** Staging of the enrich job: in the raw zone, because it holds quarantined raw lines. */
  public Path enrichStaging(long generation) {
    return new Path(new Path(raw, STAGING), generation + "/enrich");
  }

  /** Staging of jobs whose output is anonymized. */
  public Path warehouseStaging(long generation, String stage) {
    return new Path(new Path(warehouse, STAGING), generation + "/" + stage);
  }
}
