package nl.datapoints.etl.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The per-date figures a job's tasks wrote to {@code stats/part-*} (lines
 * {@code YYYY-MM-DD\tmetric\tvalue}), summed over tasks (runs in the driver).
 *
 * <p>Counters would be simpler but are global and capped in number; a backfill needs every
 * figure per date. The side files go through the job's output committer, so a failed task
 * attempt's figures are never counted.
 */
public final class StageStats {
  /** The metric whose value is a file name, not a count. */
  public static final String CORRUPT_FILE = "corrupt_file";

  private final Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
  private final Map<LocalDate, List<String>> corruptFiles = new TreeMap<>();

  /** Reads every {@code stats/part-*} file under a job's output directory. */
  public static StageStats read(FileSystem fs, Path jobOutput) {
    StageStats s = new StageStats();
    Path dir = new Path(jobOutput, "stats");
    try {
      if (!fs.exists(dir)) {
        return s;
      }
      for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith("part"))) {
        try (BufferedReader r = new BufferedReader(
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

  void add(String line, Object source) {
    if (line.isEmpty()) {
      return;
    }
    String[] f = line.split("\t", 3);
    if (f.length != 3) {
      throw new IllegalStateException("malformed figure line in " + source + ": " + line);
    }
    LocalDate date = LocalDate.parse(f[0]);
    if (CORRUPT_FILE.equals(f[1])) {
      corruptFiles.computeIfAbsent(date, d -> new ArrayList<>()).add(f[2]);
    } else {
      counts.computeIfAbsent(date, d -> new TreeMap<>()).merge(f[1], Long.parseLong(f[2]), Long::sum);
    }
  }

  /** The sum of {@code metric} for {@code date}, 0 when no task reported it. */
  public long get(LocalDate date, String metric) {
    return counts.getOrDefault(date, Map.of()).getOrDefault(metric, 0L);
  }

  /** Every metric of a date whose name starts with {@code prefix}, prefix removed. */
  public Map<String, Long> withPrefix(LocalDate date, String prefix) {
    Map<String, Long> out = new TreeMap<>();
    counts.getOrDefault(date, Map.of()).forEach((k, v) -> {
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
