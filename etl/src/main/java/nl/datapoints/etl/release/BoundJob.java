package nl.datapoints.etl.release;

import java.io.IOException;
import java.time.LocalDate;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;

/**
 * Builds (without running) the bound job of a batch (driver): the anonymized events of every date,
 * grouped by user-day, bounded ({@link Bounding}), written as anonymous contributions keyed by date
 * + pc4 under {@code staging/contributions} (SequenceFile) with per-date figures under {@code
 * staging/stats}. The release secret travels in the job's credentials.
 */
public final class BoundJob {
  /** Sub-directory of the staging dir holding the contributions. */
  public static final String CONTRIBUTIONS = "contributions";

  private BoundJob() {}

  /**
   * @param eventsDirs {@code events/dt=D} of every date of the batch, in date order
   * @throws IllegalArgumentException when an events partition does not exist
   */
  public static Job create(
      Configuration conf,
      ReleaseConfig config,
      java.util.List<Path> eventsDirs,
      Path stagingDir,
      ReleaseKey key)
      throws IOException {
    Job job = Job.getInstance(conf, "datapoints bound " + describe(config));
    job.setJarByClass(BoundJob.class);
    config.writeTo(job.getConfiguration());
    FileSystem fs = stagingDir.getFileSystem(job.getConfiguration());
    for (Path p : eventsDirs) {
      if (!fs.exists(p)) {
        throw new IllegalArgumentException(
            "events partition " + p + " of the batch does not exist; run enrich first");
      }
      FileInputFormat.addInputPath(job, p);
    }
    job.setInputFormatClass(AvroParquetInputFormat.class);
    AvroParquetInputFormat.setAvroDataSupplier(job, AggregateDataSupplier.class);
    job.setMapperClass(BoundMapper.class);
    job.setMapOutputKeyClass(UserDay.class);
    job.setMapOutputValueClass(ReleaseInput.class);
    job.setReducerClass(BoundReducer.class);
    job.setNumReduceTasks(config.reducers());
    job.setOutputKeyClass(DatePc4.class);
    job.setOutputValueClass(ReleaseInput.class);
    LazyOutputFormat.setOutputFormatClass(job, SequenceFileOutputFormat.class);
    FileOutputFormat.setOutputPath(job, new Path(stagingDir, CONTRIBUTIONS));
    MultipleOutputs.addNamedOutput(
        job, BoundReducer.STATS, TextOutputFormat.class, NullWritable.class, Text.class);
    key.addTo(job.getCredentials());
    return job;
  }

  static String describe(ReleaseConfig config) {
    LocalDate first = config.dates().get(0);
    return config.dates().size() == 1
        ? first.toString()
        : first
            + ".."
            + config.dates().get(config.dates().size() - 1)
            + " ("
            + config.dates().size()
            + " dates)";
  }
}
