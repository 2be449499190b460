package nl.datapoints.etl.enrich;

import java.io.IOException;
import java.time.LocalDate;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.schemas.AnonymizedEvent;
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
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.security.Credentials;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Builds the map-only enrich job without running it (runs in the driver): raw {@code
 * <raw>/dt=D/*.tsv[.gz]} for every date of the batch → {@code events/}, {@code quarantine/} and
 * {@code stats/} under the staging dir.
 */
public final class EnrichJob {
  /** Named output and directory of the events. */
  public static final String EVENTS = "events";

  /** Named output and directory of the quarantined lines. */
  public static final String QUARANTINE = "quarantine";

  /** Named output and directory of the stats. */
  public static final String STATS = StageStats.DIR;

  /** Alias of the HMAC key in the job's credentials. */
  static final Text HMAC_ALIAS = new Text("datapoints.enrich.hmac-key");

  private EnrichJob() {}

  /**
   * The enrich job for the config's dates, writing under {@code stagingDir} (which must not exist
   * yet).
   *
   * @throws IllegalArgumentException when the partition directory of a date does not exist
   * @throws IOException when the file system cannot be asked
   */
  public static Job create(Configuration conf, EnrichConfig config, Path stagingDir, HmacKey key)
      throws IOException {
    FileSystem fs = config.rawDir().getFileSystem(conf);
    for (LocalDate date : config.dates()) {
      Path dir = config.partitionDir(date);
      if (!fs.isDirectory(dir)) {
        throw new IllegalArgumentException(
            "no raw partition for date "
                + date
                + ": directory "
                + fs.makeQualified(dir)
                + " does not exist");
      }
    }
    Job job =
        Job.getInstance(
            conf,
            "datapoints enrich "
                + config.dates().get(0)
                + (config.dates().size() > 1 ? " +" + (config.dates().size() - 1) + " dates" : ""));
    job.setJarByClass(EnrichJob.class);
    Configuration jobConf = job.getConfiguration();
    config.writeTo(jobConf);

    job.setInputFormatClass(RawLineInputFormat.class);
    for (LocalDate date : config.dates()) {
      FileInputFormat.addInputPath(job, config.partitionDir(date));
    }
    job.setMapperClass(EnrichMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    // Each task writes one file per output; a retried or speculative attempt's files are
    // discarded by the committer, so speculation is safe but wasteful on 2-core machines.
    job.setMapSpeculativeExecution(false);

    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, stagingDir);
    MultipleOutputs.addNamedOutput(
        job, EVENTS, EventParquetOutputFormat.class, Void.class, AnonymizedEvent.class);
    MultipleOutputs.addNamedOutput(
        job, QUARANTINE, TextOutputFormat.class, NullWritable.class, Text.class);
    MultipleOutputs.addNamedOutput(
        job, STATS, TextOutputFormat.class, NullWritable.class, Text.class);
    AvroParquetOutputFormat.setSchema(job, AnonymizedEvent.getClassSchema());
    ParquetOutputFormat.setCompression(job, CompressionCodecName.SNAPPY);

    job.getCredentials().addSecretKey(HMAC_ALIAS, key.bytes());
    return job;
  }

  /** The HMAC key from the job's credentials (tasks). */
  static HmacKey hmacKey(Credentials credentials) {
    byte[] bytes = credentials == null ? null : credentials.getSecretKey(HMAC_ALIAS);
    if (bytes == null) {
      throw new IllegalStateException(
          "no HMAC key in the job's credentials under "
              + HMAC_ALIAS
              + "; build the job with EnrichJob.create");
    }
    return HmacKey.of(bytes);
  }
}
