package nl.datapoints.etl.run;

import java.nio.file.Path;
import java.util.Optional;
import nl.datapoints.etl.aggregate.AggregateConfig;
import nl.datapoints.etl.common.FractionRange;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.publish.PublishConfig;
import nl.datapoints.etl.release.PrivacyParams;

/**
 * Everything a run needs besides its dates, parsed and validated once from the command line (driver
 * side), before any job runs: every option is checked against the one bound or rule of the step
 * that uses it, so a run never fails half-way on an option.
 *
 * @param layout raw zone, reference data and warehouse
 * @param minUsers k of the k-anonymity threshold, in {@link AggregateConfig#MIN_USERS_RANGE}
 * @param maxBadFraction the largest quarantined / lines_read a date may have, in {@link
 *     #MAX_BAD_FRACTION_RANGE}
 * @param hmacKeyFile where the pseudonym secret is, when not in the environment
 * @param skipCorruptFiles list corrupt gzip files in the report instead of failing
 * @param zookeeper HBase ZooKeeper {@code host:port}, when not from {@code hbase-site.xml} ({@link
 *     PublishConfig#checkZookeeper})
 * @param table HBase table name ({@link PublishConfig#checkTable})
 * @param releaseKeyFile where the release secret is, when not in the environment
 * @param privacy the budget and contribution bounds of the release ({@link PrivacyParams})
 */
public record PipelineConfig(
    Layout layout,
    int minUsers,
    double maxBadFraction,
    Optional<Path> hmacKeyFile,
    boolean skipCorruptFiles,
    Optional<String> zookeeper,
    String table,
    Optional<Path> releaseKeyFile,
    PrivacyParams privacy) {
  /** Default of {@code --min-users}. */
  public static final int DEFAULT_MIN_USERS = AggregateConfig.DEFAULT_MIN_USERS;

  /** Default of {@code --max-bad-fraction}. */
  public static final double DEFAULT_MAX_BAD_FRACTION = 0.01;

  /** The one bound of {@code --max-bad-fraction}. */
  public static final FractionRange MAX_BAD_FRACTION_RANGE =
      new FractionRange("max-bad-fraction", 0, 1);

  public PipelineConfig {
    AggregateConfig.MIN_USERS_RANGE.check(minUsers);
    MAX_BAD_FRACTION_RANGE.check(maxBadFraction);
    PublishConfig.checkTable(table);
    zookeeper = zookeeper == null ? Optional.empty() : zookeeper;
    zookeeper.ifPresent(PublishConfig::checkZookeeper);
    releaseKeyFile = releaseKeyFile == null ? Optional.empty() : releaseKeyFile;
    if (privacy == null) {
      throw new IllegalArgumentException("the privacy parameters must be given");
    }
  }
}
