package nl.datapoints.etl.release;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.datapoints.etl.common.JobConf;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The validated options of the bound and release jobs of one batch, and their codec to and from a
 * Hadoop {@link Configuration} under {@value #PREFIX} (the privacy parameters under {@link
 * PrivacyParams#PREFIX}). Built in the driver, read back in every task.
 *
 * @param warehouseDir the warehouse root ({@code events/}, {@code release/})
 * @param refDir the reference data ({@code postcodes.csv}: the pc4 domain; {@code sbi.csv} and
 *     {@code merchants.csv}: the SBI domain)
 * @param dates the batch, ascending, distinct
 * @param storedBaseline dates of the batch whose D-7 is not in the batch but was released before:
 *     its stored release gives their deltas; every other date outside that set whose D-7 is not in
 *     the batch has no baseline
 * @param privacy the budget and bounds
 * @param reducers reduce tasks of each job
 */
public record ReleaseConfig(
    Path warehouseDir,
    Path refDir,
    List<LocalDate> dates,
    Set<LocalDate> storedBaseline,
    PrivacyParams privacy,
    int reducers) {
  /** Prefix of this record's keys in a Hadoop configuration. */
  public static final String PREFIX = "datapoints.release.job.";

  public ReleaseConfig {
    if (warehouseDir == null || refDir == null) {
      throw new IllegalArgumentException("warehouseDir and refDir must be set");
    }
    if (dates == null || dates.isEmpty()) {
      throw new IllegalArgumentException("dates must hold at least one date, was " + dates);
    }
    dates = List.copyOf(new TreeSet<>(dates));
    storedBaseline = Collections.unmodifiableSortedSet(new TreeSet<>(storedBaseline));
    for (LocalDate d : storedBaseline) {
      if (!dates.contains(d) || dates.contains(d.minusDays(7))) {
        throw new IllegalArgumentException(
            "storedBaseline may only hold dates of the batch whose D-7 is not in it,"
                + " was given "
                + d);
      }
    }
    if (reducers < 1) {
      throw new IllegalArgumentException("reducers must be >= 1, was " + reducers);
    }
  }

  /** True when {@code date} of the batch has a baseline (D-7 in the batch or stored). */
  public boolean hasBaseline(LocalDate date) {
    return dates.contains(date.minusDays(7)) || storedBaseline.contains(date);
  }

  /** Position of every batch date by epoch day, for tasks. */
  Map<Integer, Integer> indexByEpochDay() {
    Map<Integer, Integer> out = new HashMap<>();
    for (int i = 0; i < dates.size(); i++) {
      out.put((int) dates.get(i).toEpochDay(), i);
    }
    return out;
  }

  /** Writes this config into {@code conf}. */
  public void writeTo(Configuration conf) {
    conf.set(PREFIX + "warehouse-dir", warehouseDir.toString());
    conf.set(PREFIX + "ref-dir", refDir.toString());
    conf.set(PREFIX + "dates", join(dates));
    conf.set(PREFIX + "stored-baseline", join(storedBaseline));
    conf.setInt(PREFIX + "reducers", reducers);
    privacy.writeTo(conf);
  }

  /** Reads the config written by {@link #writeTo}. */
  public static ReleaseConfig readFrom(Configuration conf) {
    return new ReleaseConfig(
        new Path(required(conf, "warehouse-dir")),
        new Path(required(conf, "ref-dir")),
        dates(required(conf, "dates")),
        Set.copyOf(dates(conf.get(PREFIX + "stored-baseline", ""))),
        PrivacyParams.readFrom(conf),
        conf.getInt(PREFIX + "reducers", 1));
  }

  private static String join(Collection<LocalDate> ds) {
    return ds.stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  private static String required(Configuration conf, String key) {
    return JobConf.required(conf, PREFIX + key, " is not set; build the job with its Job class");
  }

  private static List<LocalDate> dates(String v) {
    List<LocalDate> out = new ArrayList<>();
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        try {
          out.add(LocalDate.parse(s.trim()));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              PREFIX + "dates must be YYYY-MM-DD dates, had '" + s + "'", e);
        }
      }
    }
    return out;
  }
}
