package nl.datapoints.etl.aggregate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.datapoints.schemas.Cell;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Builds (without running) the one MapReduce job that aggregates a batch of dates into cells with
 * k-anonymity and week-over-week delta. Runs in the driver.
 */
public final class AggregateJob {
  /** Directory under the staging dir holding {@code dt=D/part-r-NNNNN.parquet}. */
  public static final String CELLS_DIR = CellReducer.CELLS_OUTPUT;

  /** Directory under the staging dir holding {@code part-r-NNNNN} stats lines. */
  public static final String STATS_DIR = CellReducer.STATS_OUTPUT;

  private AggregateJob() {}

  /**
   * Builds the job for {@code config.dates()}: it reads {@code <warehouse>/events/dt=D} of every
   * date of the batch and {@code <warehouse>/aggregates/dt=D-7} of every date whose D-7 is neither
   * in the batch nor listed in {@code baselineMissing}; it writes {@code
   * stagingDir/cells/dt=D/part-r-NNNNN.parquet} and {@code stagingDir/stats/part-r-NNNNN}.
   *
   * @throws IllegalArgumentException when an events partition of the batch does not exist, or a
   *     baseline partition does not exist although its date is not in {@code baselineMissing}
   * @throws IOException when the file system cannot be asked
   */
  public static Job create(Configuration conf, AggregateConfig config, Path stagingDir)
      throws IOException {
    Job job = Job.getInstance(conf, "datapoints aggregate " + describe(config.dates()));
    job.setJarByClass(AggregateJob.class);
    Configuration jobConf = job.getConfiguration();
    config.writeTo(jobConf);

    FileSystem fs = config.warehouseDir().getFileSystem(jobConf);
    for (Path p : eventInputs(config)) {
      if (!fs.exists(p)) {
        throw new IllegalArgumentException(
            "events partition "
                + p
                + " of the batch does not"
                + " exist; run enrich for that date first");
      }
      MultipleInputs.addInputPath(job, p, AvroParquetInputFormat.class, EventMapper.class);
    }
    for (LocalDate d : config.dates()) {
      Path p = baselineInput(config, d);
      if (p == null) {
        continue;
      }
      if (!fs.exists(p)) {
        throw new IllegalArgumentException(
            "baseline partition "
                + p
                + " of "
                + d
                + " does not exist; list "
                + d
                + " in baselineMissing to publish it with null deltas");
      }
      MultipleInputs.addInputPath(job, p, AvroParquetInputFormat.class, BaselineCellMapper.class);
    }
    AvroParquetInputFormat.setAvroDataSupplier(job, AggregateDataSupplier.class);

    job.setMapOutputKeyClass(CellKey.class);
    job.setMapOutputValueClass(CellValue.class);
    job.setCombinerClass(CellCombiner.class);
    job.setPartitionerClass(CellPartitioner.class);
    job.setReducerClass(CellReducer.class);
    job.setNumReduceTasks(config.effectiveReducers());

    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, stagingDir);
    MultipleOutputs.addNamedOutput(
        job, CellReducer.CELLS_OUTPUT, CellParquetOutputFormat.class, Void.class, Cell.class);
    MultipleOutputs.addNamedOutput(
        job, CellReducer.STATS_OUTPUT, TextOutputFormat.class, NullWritable.class, Text.class);
    AvroParquetOutputFormat.setSchema(job, Cell.getClassSchema());
    AvroParquetOutputFormat.setAvroDataSupplier(job, AggregateDataSupplier.class);
    ParquetOutputFormat.setCompression(job, CompressionCodecName.SNAPPY);
    return job;
  }

  /** {@code <warehouse>/events/dt=D} of every date of the batch. */
  public static List<Path> eventInputs(AggregateConfig config) {
    List<Path> paths = new ArrayList<>();
    for (LocalDate d : config.dates()) {
      paths.add(config.eventsDir(d));
    }
    return paths;
  }

  /**
   * The published partition the delta of {@code date} is read from, or null when D-7 is in the
   * batch (computed from its events) or its baseline is missing.
   */
  static Path baselineInput(AggregateConfig config, LocalDate date) {
    LocalDate b = date.minusDays(7);
    if (config.dates().contains(b) || config.baselineMissing().contains(date)) {
      return null;
    }
    return config.aggregatesDir(b);
  }

  private static String describe(List<LocalDate> dates) {
    return dates.size() == 1
        ? dates.get(0).toString()
        : dates.get(0) + ".." + dates.get(dates.size() - 1) + " (" + dates.size() + " dates)";
  }
}
