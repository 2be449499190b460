package nl.datapoints.etl.publish;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.datapoints.etl.common.JobConf;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;

/**
 * Validated settings of one publish run (driver and tasks); {@link #writeTo} and {@link #readFrom}
 * are the only codec into a Hadoop {@link Configuration} (prefix {@value #PREFIX}).
 *
 * @param warehouseDir warehouse root (URI or path); the release is read from {@code release/dt=D}
 * @param dates the batch, ascending, without duplicates, at least one
 * @param generation generation id of this run (epoch millis), the timestamp of every data cell
 * @param table HBase table name, optionally {@code namespace:name}
 * @param zookeeper {@code host:port} overriding the HBase configuration's quorum, if given
 * @param keepGenerations generations kept per date, {@value StoreLayout#MIN_KEPT_GENERATIONS} ..
 *     {@value StoreLayout#FAMILY_MAX_VERSIONS} (the family's max versions)
 * @param splitsPerDate regions per date of the first batch when the table is created, 1..9
 */
public record PublishConfig(
    String warehouseDir,
    List<LocalDate> dates,
    long generation,
    String table,
    Optional<String> zookeeper,
    int keepGenerations,
    int splitsPerDate) {

  /** Prefix of every key this codec writes. */
  public static final String PREFIX = "datapoints.publish.";

  /** Regions per date created with the table by default. */
  public static final int DEFAULT_SPLITS_PER_DATE = 3;

  private static final Pattern TABLE =
      Pattern.compile("([A-Za-z0-9_]+:)?[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9_.\\-]+:(\\d{1,5})");

  public PublishConfig {
    if (warehouseDir == null || warehouseDir.isBlank()) {
      throw new IllegalArgumentException(
          "--warehouse must be a directory, got '" + warehouseDir + "'");
    }
    if (dates == null || dates.isEmpty()) {
      throw new IllegalArgumentException("--date: at least one date must be published, got none");
    }
    if (dates.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("--date must not contain null, got " + dates);
    }
    dates = List.copyOf(new TreeSet<>(dates));
    if (generation <= 0) {
      throw new IllegalArgumentException(
          "generation must be positive epoch millis, got " + generation);
    }
    checkTable(table);
    zookeeper = zookeeper == null ? Optional.empty() : zookeeper;
    zookeeper.ifPresent(PublishConfig::checkZookeeper);
    if (keepGenerations < StoreLayout.MIN_KEPT_GENERATIONS
        || keepGenerations > StoreLayout.FAMILY_MAX_VERSIONS) {
      throw new IllegalArgumentException(
          "keepGenerations must be in "
              + StoreLayout.MIN_KEPT_GENERATIONS
              + ".."
              + StoreLayout.FAMILY_MAX_VERSIONS
              + " (the family keeps "
              + StoreLayout.FAMILY_MAX_VERSIONS
              + " versions), got "
              + keepGenerations);
    }
    if (splitsPerDate < 1 || splitsPerDate > 9) {
      throw new IllegalArgumentException("splitsPerDate must be in 1..9, got " + splitsPerDate);
    }
  }

  /**
   * A config with the defaults: keep {@value StoreLayout#MIN_KEPT_GENERATIONS}, 3 regions per date.
   */
  public static PublishConfig of(
      String warehouseDir,
      List<LocalDate> dates,
      long generation,
      String table,
      Optional<String> zookeeper) {
    return new PublishConfig(
        warehouseDir,
        dates,
        generation,
        table,
        zookeeper,
        StoreLayout.MIN_KEPT_GENERATIONS,
        DEFAULT_SPLITS_PER_DATE);
  }

  /**
   * The one rule of {@code --table}, HBase's own: {@code [namespace:]name}, letters, digits and
   * {@code _} in the namespace, also {@code .} and {@code -} (not first) in the name.
   */
  public static void checkTable(String table) {
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "--table must be [namespace:]name of letters, digits, '_', '.', '-', got '"
              + table
              + "'");
    }
  }

  /** The one rule of {@code --zookeeper}: {@code host:port} with port 1..65535. */
  public static void checkZookeeper(String hostPort) {
    var m = hostPort == null ? null : HOST_PORT.matcher(hostPort);
    if (m == null
        || !m.matches()
        || Integer.parseInt(m.group(1)) < 1
        || Integer.parseInt(m.group(1)) > 65535) {
      throw new IllegalArgumentException(
          "--zookeeper must be host:port with port 1..65535, got '" + hostPort + "'");
    }
  }

  /** Writes this config into {@code conf} under {@value #PREFIX}. */
  public void writeTo(Configuration conf) {
    conf.set(Key.WAREHOUSE.key, warehouseDir);
    conf.setStrings(Key.DATES.key, dates.stream().map(LocalDate::toString).toArray(String[]::new));
    conf.setLong(Key.GENERATION.key, generation);
    conf.set(Key.TABLE.key, table);
    if (zookeeper.isPresent()) {
      conf.set(Key.ZOOKEEPER.key, zookeeper.get());
    } else {
      conf.unset(Key.ZOOKEEPER.key);
    }
    conf.setInt(Key.KEEP.key, keepGenerations);
    conf.setInt(Key.SPLITS.key, splitsPerDate);
  }

  /**
   * Reads a config written by {@link #writeTo}; a missing or malformed key is an
   * IllegalArgumentException.
   */
  public static PublishConfig readFrom(Configuration conf) {
    List<LocalDate> dates = new ArrayList<>();
    for (String d : conf.getTrimmedStrings(Key.DATES.key)) {
      try {
        dates.add(LocalDate.parse(d));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            Key.DATES.key + " must be YYYY-MM-DD dates, got '" + d + "'", e);
      }
    }
    return new PublishConfig(
        required(conf, Key.WAREHOUSE),
        dates,
        Long.parseLong(required(conf, Key.GENERATION)),
        required(conf, Key.TABLE),
        Optional.ofNullable(conf.get(Key.ZOOKEEPER.key)),
        Integer.parseInt(required(conf, Key.KEEP)),
        Integer.parseInt(required(conf, Key.SPLITS)));
  }

  private static String required(Configuration conf, Key key) {
    return JobConf.required(conf, key.key, " must be set (write it with PublishConfig.writeTo)");
  }

  private enum Key {
    WAREHOUSE("warehouse"),
    DATES("dates"),
    GENERATION("generation"),
    TABLE("table"),
    ZOOKEEPER("zookeeper"),
    KEEP("keep-generations"),
    SPLITS("splits-per-date");

    final String key;

    Key(String suffix) {
      this.key = PREFIX + suffix;
    }
  }
}
