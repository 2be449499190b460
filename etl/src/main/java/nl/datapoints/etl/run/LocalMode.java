package nl.datapoints.etl.run;

import org.apache.hadoop.conf.Configuration;

/**
 * Settings for Hadoop local mode (this machine, no YARN), applied by the driver where the user
 * has not set them: the local runner otherwise runs one map and one reduce task at a time, and
 * one reduce task per date is many small serial tasks for a backfill.
 */
final class LocalMode {
  static final String FRAMEWORK = "mapreduce.framework.name";
  static final String LOCAL_MAPS = "mapreduce.local.map.tasks.maximum";
  static final String LOCAL_REDUCES = "mapreduce.local.reduce.tasks.maximum";

  private LocalMode() {}

  static boolean isLocal(Configuration conf) {
    return "local".equals(conf.get(FRAMEWORK, "local"));
  }

  /** Lets the local runner use every core, unless configured otherwise. */
  static void tune(Configuration conf) {
    if (!isLocal(conf)) {
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

  /** Reduce tasks of the aggregate job: one per date on a cluster, a few in local mode. */
  static int aggregateReducers(Configuration conf, int dates) {
    if (!isLocal(conf)) {
      return dates;
    }
    return Math.max(1, Math.min(dates, 2 * Runtime.getRuntime().availableProcessors()));
  }
}
