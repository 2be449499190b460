package nl.datapoints.etl.run;

import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;

/**
 * What every stage of a run shares (driver side).
 *
 * @param conf the Hadoop configuration jobs are built from
 * @param cfg the run's validated options
 * @param warehouse the file-system side
 * @param jobs runs built jobs, printing progress
 * @param out where progress goes
 */
record RunContext(
    Configuration conf, PipelineConfig cfg, Warehouse warehouse, JobRunner jobs, PrintStream out) {}
