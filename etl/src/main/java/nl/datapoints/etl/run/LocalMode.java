package nl.datapoints.etl.run;

import nl.datapoints.etl.aggregate.AggregateConfig;
import org.apache.hadoop.conf.Configuration;

/**
 * Settings for Hadoop local mode (this machine, no YARN), applied by the driver where the user has
 * not set them: the local runner otherwise runs one map and one reduce task at a time, and one
 * reduce task per date is many small serial tasks for a backfill.
 */
final class LocalMode {
  static final String FRAMEWORK = "mapreduce.framework.name";
  static final String LOCAL_MAPS = "mapreduce.local.map.tasks.maximum";
  static final String LOCAL_REDUCES = "mapreduce.local.reduce.tasks.maximum";

  private LocalMode() {}

  static boolean isLocal(Configuration conf) {
    return "local".equals(conf.get(FRAMEWORK, "local"));
  }

  /** Tasks load our Avro 1.11 and Parquet before the Avro 1.7 that Hadoop 3.3 ships. */
  static final String USER_CLASSPATH_FIRST = "mapreduce.job.user.classpath.first";

  /**
   * Lets the local runner use every core, and on a cluster puts the job jar's libraries before
   * Hadoop's own, unless configured otherwise.
   */
  static void tune(Configuration conf) {
    if (!isLocal(conf)) {
      if (conf.get(USER_CLASSPATH_FIRST) == null) {
        conf.setBoolean(USER_CLASSPATH_FIRST, true);
      }
      return;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (conf.get(LOCAL_MAPS) == null) {
      conf.setInt(LOCAL_MAPS, cores);
    }
    if (conf.get(LOCAL_REDUCES) == null) {
      conf.setInt(LOCAL_REDUCES, cores);
    }
  }

  /** Operators size the aggregate job with {@code -D datapoints.aggregate.reducers=N}. */
  static final String AGGREGATE_REDUCERS = AggregateConfig.PREFIX + "reducers";

  /**
   * Reduce tasks of the aggregate job: what the operator set, else one per date on a cluster and a
   * few in local mode.
   */
  static int aggregateReducers(Configuration conf, int dates) {
    int set = conf.getInt(AGGREGATE_REDUCERS, 0);
    if (set > 0) {
      return set;
    }
    if (!isLocal(conf)) {
      return dates;
    }
    return Math.max(1, Math.min(dates, 2 * Runtime.getRuntime().availableProcessors()));
  }
}
