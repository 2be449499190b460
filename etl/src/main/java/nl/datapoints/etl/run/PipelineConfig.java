package nl.datapoints.etl.run;

import java.nio.file.Path;
import java.util.Optional;
import nl.datapoints.etl.common.Layout;

/**
 * Everything a run needs besides its dates, parsed and validated once from the command line
 * (driver side).
 *
 * @param layout raw zone, reference data and warehouse
 * @param minUsers k of the k-anonymity threshold
 * @param maxBadFraction the largest quarantined / lines_read a date may have
 * @param hmacKeyFile where the pseudonym secret is, when not in the environment
 * @param skipCorruptFiles list corrupt gzip files in the report instead of failing
 * @param zookeeper HBase ZooKeeper {@code host:port}, when not from {@code hbase-site.xml}
 * @param table HBase table name
 */
public record PipelineConfig(
    Layout layout,
    int minUsers,
    double maxBadFraction,
    Optional<Path> hmacKeyFile,
    boolean skipCorruptFiles,
    Optional<String> zookeeper,
    String table) {
  public static final int DEFAULT_MIN_USERS = 5;
  public static final double DEFAULT_MAX_BAD_FRACTION = 0.01;

  public PipelineConfig {
    if (minUsers < 1) {
      throw new IllegalArgumentException("--min-users must be at least 1, got " + minUsers);
    }
    if (!(maxBadFraction >= 0 && maxBadFraction <= 1)) {
      throw new IllegalArgumentException("--max-bad-fraction must be in 0..1, got " + maxBadFraction);
    }
    if (table == null || !table.matches("[A-Za-z0-9_.:-]+")) {
      throw new IllegalArgumentException("--table must be an HBase table name ([A-Za-z0-9_.:-]+), got '" + table + "'");
    }
  }
}
