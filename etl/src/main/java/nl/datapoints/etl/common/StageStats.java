package nl.datapoints.etl.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The one codec of the per-date figures every job's tasks hand to the driver: tasks write lines
 * {@code YYYY-MM-DD\tmetric\tvalue} with {@link #line} (enrich, aggregate and publish alike), the
 * driver reads a job's {@code part-*} files back with {@link #read} / {@link #readDir}, summed over
 * tasks.
 *
 * <p>Counters would be simpler but are global and capped in number; a backfill needs every figure
 * per date. The side files go through the job's output committer, so a failed task attempt's
 * figures are never counted.
 */
public final class StageStats {
  /** Directory of the figures under a job's output directory (enrich and aggregate). */
  public static final String DIR = "stats";

  // Enrich: lines_read = events + quarantined:* + empty_lines, per partition date.
  public static final String LINES_READ = "lines_read";
  public static final String EVENTS = "events";
  public static final String EMPTY_LINES = "empty_lines";

  /** Prefix of one metric per quarantine reason, e.g. {@code quarantined:BAD_TIMESTAMP}. */
  public static final String QUARANTINED_PREFIX = "quarantined:";

  /** The metric whose value is a file name, not a count. */
  public static final String CORRUPT_FILE = "corrupt_file";

  // Aggregate: cells and hits published and suppressed, per date.
  public static final String CELLS_PUBLISHED = "cells_published";
  public static final String HITS_PUBLISHED = "hits_published";
  public static final String CELLS_SUPPRESSED = "cells_suppressed";
  public static final String HITS_SUPPRESSED = "hits_suppressed";

  // Publish: what the HFile job wrote per date.
  public static final String CELLS_WRITTEN = "cells_written";
  public static final String HITS_WRITTEN = "hits_written";
  public static final String NULL_DELTAS = "null_deltas";

  // Bound: what the contribution bounds did per date (per level: ":total", ":hour", ":sbi",
  // ":cell").
  public static final String USERS = "users";
  public static final String USERS_TOUCHED = "users_touched";
  public static final String EVENTS_KEPT = "events_kept";
  public static final String EVENTS_DROPPED = "events_dropped";
  public static final String CELLS_DROPPED_PREFIX = "cells_dropped:";
  public static final String HITS_CLAMPED_PREFIX = "hits_clamped:";

  // Release: what the release of a date holds.
  public static final String VALUES_RELEASED = "values_released";
  public static final String CELLS_SELECTED = "cells_selected";
  public static final String TOTAL_HITS_RELEASED = "total_hits_released";

  /**
   * Sum (mod 2^64) of a 64-bit digest of every value released for the date itself (not its deltas).
   */
  public static final String RELEASE_DIGEST = "release_digest";

  private final Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
  private final Map<LocalDate, List<String>> corruptFiles = new TreeMap<>();

  /** One figure line, written by a task. */
  public static String line(LocalDate date, String metric, long value) {
    return date + "\t" + metric + "\t" + value;
  }

  /** The line naming a corrupt input file of a date, written by a task. */
  public static String corruptFileLine(LocalDate date, String file) {
    return date + "\t" + CORRUPT_FILE + "\t" + file;
  }

  /** Reads every {@code stats/part-*} file under a job's output directory. */
  public static StageStats read(FileSystem fs, Path jobOutput) {
    return readDir(fs, new Path(jobOutput, DIR));
  }

  /** Reads every {@code part-*} file in {@code dir}; none when it does not exist. */
  public static StageStats readDir(FileSystem fs, Path dir) {
    StageStats s = new StageStats();
    try {
      if (!fs.exists(dir)) {
        return s;
      }
      for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith("part"))) {
        try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            s.add(line, f.getPath());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading job figures under " + dir + ": " + e.getMessage(), e);
    }
    return s;
  }

  /**
   * Adds one line read from {@code source}; a malformed line is an IllegalStateException naming it.
   */
  void add(String line, Object source) {
    if (line.isEmpty()) {
      return;
    }
    String[] f = line.split("\t", 3);
    if (f.length != 3) {
      throw malformed(line, source);
    }
    try {
      LocalDate date = LocalDate.parse(f[0]);
      if (CORRUPT_FILE.equals(f[1])) {
        corruptFiles.computeIfAbsent(date, d -> new ArrayList<>()).add(f[2]);
      } else {
        counts
            .computeIfAbsent(date, d -> new TreeMap<>())
            .merge(f[1], Long.parseLong(f[2]), Long::sum);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw malformed(line, source);
    }
  }

  private static IllegalStateException malformed(String line, Object source) {
    return new IllegalStateException(
        "malformed figure line in " + source + " (want YYYY-MM-DD<tab>metric<tab>value): " + line);
  }

  /** The sum of {@code metric} for {@code date}, 0 when no task reported it. */
  public long get(LocalDate date, String metric) {
    return counts.getOrDefault(date, Map.of()).getOrDefault(metric, 0L);
  }

  /** Every metric of a date whose name starts with {@code prefix}, prefix removed. */
  public Map<String, Long> withPrefix(LocalDate date, String prefix) {
    Map<String, Long> out = new TreeMap<>();
    counts
        .getOrDefault(date, Map.of())
        .forEach(
            (k, v) -> {
              if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
              }
            });
    return out;
  }

  public List<String> corruptFiles(LocalDate date) {
    return corruptFiles.getOrDefault(date, List.of());
  }
}
