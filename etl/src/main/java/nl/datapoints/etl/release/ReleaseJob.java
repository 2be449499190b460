package nl.datapoints.etl.release;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Builds (without running) the release job of a batch (driver): reads the bound job's
 * contributions, the public pc4 domain (a file the driver writes: every gazetteer pc4 of every
 * batch date) and, for dates whose D-7 is outside the batch, D-7's stored release; releases every
 * date × pc4 ({@link ReleaseCore}, deltas by {@link DeltaJoin}) into {@code
 * staging/release/dt=D/part-r-NNNNN.parquet}, figures into {@code staging/stats}.
 */
public final class ReleaseJob {
  /** Sub-directory of the staging dir holding {@code dt=D/part-r-NNNNN.parquet}. */
  public static final String RELEASE = ReleaseReducer.RELEASE;

  /** Sub-directory of the staging dir holding the figures. */
  public static final String STATS = ReleaseReducer.STATS;

  private ReleaseJob() {}

  /**
   * @param contributions the bound job's output directory
   * @param pc4Domain every gazetteer pc4
   * @param storedReleases {@code release/dt=D-7} of every date in {@code config.storedBaseline()}
   */
  public static Job create(
      Configuration conf,
      ReleaseConfig config,
      Path contributions,
      Collection<Integer> pc4Domain,
      Map<LocalDate, Path> storedReleases,
      Path stagingDir,
      ReleaseKey key)
      throws IOException {
    Job job = Job.getInstance(conf, "datapoints release " + BoundJob.describe(config));
    job.setJarByClass(ReleaseJob.class);
    Configuration jc = job.getConfiguration();
    config.writeTo(jc);
    FileSystem fs = stagingDir.getFileSystem(jc);
    // Beside the output directory, which must not exist before the job runs.
    Path domain = new Path(stagingDir.getParent(), stagingDir.getName() + "-domain/pc4s.tsv");
    try (OutputStream os = fs.create(domain, true);
        Writer w = new OutputStreamWriter(os, StandardCharsets.US_ASCII)) {
      for (LocalDate d : config.dates()) {
        for (int pc4 : pc4Domain) {
          w.write(d + "\t" + pc4 + "\n");
        }
      }
    }
    MultipleInputs.addInputPath(job, domain, TextInputFormat.class, DomainMapper.class);
    // The part files only: the bound job's figures sit in a sub-directory of the same output.
    if (fs.globStatus(new Path(contributions, "part-r-*")).length > 0) {
      MultipleInputs.addInputPath(
          job,
          new Path(contributions, "part-r-*"),
          SequenceFileInputFormat.class,
          ContributionMapper.class);
    }
    for (LocalDate d : config.storedBaseline()) {
      Path p = storedReleases.get(d);
      if (p == null || !fs.exists(p)) {
        throw new IllegalArgumentException(
            "the stored release of "
                + d.minusDays(7)
                + " (the baseline of "
                + d
                + ") does not exist at "
                + p);
      }
      MultipleInputs.addInputPath(job, p, AvroParquetInputFormat.class, StoredReleaseMapper.class);
    }
    AvroParquetInputFormat.setAvroDataSupplier(job, AggregateDataSupplier.class);
    AvroParquetInputFormat.setAvroReadSchema(job, ReleasedValue.getClassSchema());

    job.setMapOutputKeyClass(DatePc4.class);
    job.setMapOutputValueClass(ReleaseInput.class);
    job.setCombinerClass(ReleaseCombiner.class);
    job.setPartitionerClass(ReleasePartitioner.class);
    job.setReducerClass(ReleaseReducer.class);
    job.setNumReduceTasks(config.reducers());
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, stagingDir);
    MultipleOutputs.addNamedOutput(
        job, RELEASE, ReleaseParquetOutputFormat.class, Void.class, ReleasedValue.class);
    MultipleOutputs.addNamedOutput(
        job, STATS, TextOutputFormat.class, NullWritable.class, Text.class);
    AvroParquetOutputFormat.setSchema(job, ReleasedValue.getClassSchema());
    AvroParquetOutputFormat.setAvroDataSupplier(job, AggregateDataSupplier.class);
    ParquetOutputFormat.setCompression(job, CompressionCodecName.SNAPPY);
    key.addTo(job.getCredentials());
    return job;
  }
}
