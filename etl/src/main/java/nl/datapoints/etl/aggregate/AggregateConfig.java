package nl.datapoints.etl.aggregate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.datapoints.etl.common.JobConf;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.WholeRange;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The validated options of one aggregate job and their one codec to and from a Hadoop {@link
 * Configuration} under {@value #PREFIX}. Built in the driver, read back in every task.
 *
 * @param warehouseDir the warehouse root holding {@code events/dt=D} and {@code aggregates/dt=D}
 * @param dates the batch, ascending and without duplicates (normalised)
 * @param baselineMissing dates of the batch whose D-7 is neither in the batch nor published: every
 *     delta of such a date is null
 * @param minUsers k: a cell with fewer distinct users is suppressed
 * @param reducers number of reduce tasks; 0 means one per date of the batch
 * @param mapCacheCells cells a map task combines in memory before it flushes them
 */
public record AggregateConfig(
    Path warehouseDir,
    List<LocalDate> dates,
    Set<LocalDate> baselineMissing,
    int minUsers,
    int reducers,
    int mapCacheCells) {

  /** Prefix of every key this job writes into the Hadoop configuration. */
  public static final String PREFIX = "datapoints.aggregate.";

  /** Default of {@code --min-users}. */
  public static final int DEFAULT_MIN_USERS = 5;

  /**
   * The one bound of {@code --min-users} (k), checked by the CLI before a run and here: at most
   * 1000 because the capped user sets hold up to k keys per cell in memory.
   */
  public static final WholeRange MIN_USERS_RANGE = new WholeRange("min-users", 1, 1000);

  public static final int DEFAULT_MAP_CACHE_CELLS = 200_000;

  static final String WAREHOUSE_DIR = PREFIX + "warehouse-dir";
  static final String DATES = PREFIX + "dates";
  static final String BASELINE_MISSING = PREFIX + "baseline-missing";
  static final String MIN_USERS = PREFIX + "min-users";
  static final String REDUCERS = PREFIX + "reducers";
  static final String MAP_CACHE_CELLS = PREFIX + "map-cache-cells";

  public AggregateConfig {
    if (warehouseDir == null) {
      throw new IllegalArgumentException("warehouseDir must be set");
    }
    warehouseDir = new Path(warehouseDir.toString()); // one spelling, e.g. no trailing slash
    if (dates == null || dates.isEmpty()) {
      throw new IllegalArgumentException("dates must hold at least one date, was " + dates);
    }
    dates = List.copyOf(new TreeSet<>(dates));
    baselineMissing =
        baselineMissing == null
            ? Set.of()
            : Collections.unmodifiableSortedSet(new TreeSet<>(baselineMissing));
    for (LocalDate d : baselineMissing) {
      if (!dates.contains(d)) {
        throw new IllegalArgumentException(
            "baselineMissing may only hold dates of the batch " + dates + ", was given " + d);
      }
      if (dates.contains(d.minusDays(7))) {
        throw new IllegalArgumentException(
            "baselineMissing holds "
                + d
                + " but its baseline "
                + d.minusDays(7)
                + " is in the batch, so it is not missing");
      }
    }
    MIN_USERS_RANGE.check(minUsers);
    if (reducers < 0) {
      throw new IllegalArgumentException(
          "reducers must be >= 0 (0 = one per date), was " + reducers);
    }
    if (mapCacheCells < 1) {
      throw new IllegalArgumentException("mapCacheCells must be >= 1, was " + mapCacheCells);
    }
  }

  /** A config with the default number of reducers and map cache size. */
  public static AggregateConfig of(
      Path warehouseDir,
      Collection<LocalDate> dates,
      Collection<LocalDate> baselineMissing,
      int minUsers) {
    return new AggregateConfig(
        warehouseDir,
        new ArrayList<>(dates),
        baselineMissing == null ? null : Set.copyOf(baselineMissing),
        minUsers,
        0,
        DEFAULT_MAP_CACHE_CELLS);
  }

  /** The same config with another number of reduce tasks (0 = one per date). */
  public AggregateConfig withReducers(int n) {
    return new AggregateConfig(warehouseDir, dates, baselineMissing, minUsers, n, mapCacheCells);
  }

  /** The same config with another in-mapper cache size. */
  public AggregateConfig withMapCacheCells(int n) {
    return new AggregateConfig(warehouseDir, dates, baselineMissing, minUsers, reducers, n);
  }

  /** The number of reduce tasks the job runs. */
  public int effectiveReducers() {
    return reducers == 0 ? dates.size() : reducers;
  }

  /** {@code <warehouse>/events/dt=D}. */
  public Path eventsDir(LocalDate date) {
    return Layout.eventsOf(warehouseDir, date);
  }

  /** {@code <warehouse>/aggregates/dt=D}. */
  public Path aggregatesDir(LocalDate date) {
    return Layout.aggregatesOf(warehouseDir, date);
  }

  BatchDates batchDates() {
    return new BatchDates(dates, baselineMissing);
  }

  /** Writes this config into {@code conf} under {@value #PREFIX}. */
  public void writeTo(Configuration conf) {
    conf.set(WAREHOUSE_DIR, warehouseDir.toString());
    conf.set(DATES, join(dates));
    conf.set(BASELINE_MISSING, join(baselineMissing));
    conf.setInt(MIN_USERS, minUsers);
    conf.setInt(REDUCERS, reducers);
    conf.setInt(MAP_CACHE_CELLS, mapCacheCells);
  }

  /** Reads the config written by {@link #writeTo}; a missing or bad key names itself. */
  public static AggregateConfig readFrom(Configuration conf) {
    return new AggregateConfig(
        new Path(required(conf, WAREHOUSE_DIR)),
        parseDates(DATES, required(conf, DATES)),
        Set.copyOf(parseDates(BASELINE_MISSING, conf.get(BASELINE_MISSING, ""))),
        parseInt(conf, MIN_USERS, DEFAULT_MIN_USERS),
        parseInt(conf, REDUCERS, 0),
        parseInt(conf, MAP_CACHE_CELLS, DEFAULT_MAP_CACHE_CELLS));
  }

  private static String join(Collection<LocalDate> ds) {
    return ds.stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  private static String required(Configuration conf, String key) {
    return JobConf.required(conf, key, " is not set; build the job with AggregateJob.create");
  }

  private static int parseInt(Configuration conf, String key, int dflt) {
    String v = conf.getTrimmed(key);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'", e);
    }
  }

  private static List<LocalDate> parseDates(String key, String v) {
    List<LocalDate> out = new ArrayList<>();
    for (String s : v.split(",")) {
      String t = s.trim();
      if (t.isEmpty()) {
        continue;
      }
      try {
        out.add(LocalDate.parse(t));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            key + " must be comma-separated YYYY-MM-DD dates, had '" + t + "'", e);
      }
    }
    return out;
  }
}
