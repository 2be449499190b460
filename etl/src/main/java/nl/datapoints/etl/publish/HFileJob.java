package nl.datapoints.etl.publish;

import java.io.IOException;
import java.time.LocalDate;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.HFileOutputFormat2;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.apache.parquet.avro.AvroReadSupport;

/**
 * Builds (does not run) the one MapReduce job that turns a batch's release into HFiles (driver).
 */
public final class HFileJob {
  private HFileJob() {}

  /**
   * The job for every date of {@code config}: reads {@code release/dt=D} of each, writes HFiles for
   * the table's current regions under {@code hfileDir}. Looks the table up in HBase.
   */
  public static Job create(Configuration conf, PublishConfig config, Path hfileDir)
      throws IOException {
    Configuration hbase = HBaseConf.create(conf, config.zookeeper());
    TableName name = TableName.valueOf(config.table());
    try (Connection connection = ConnectionFactory.createConnection(hbase);
        Table table = connection.getTable(name);
        RegionLocator regions = connection.getRegionLocator(name)) {
      return create(hbase, config, hfileDir, table.getDescriptor(), regions);
    }
  }

  /**
   * As {@link #create(Configuration, PublishConfig, Path)} for a given table layout and regions.
   */
  static Job create(
      Configuration conf,
      PublishConfig config,
      Path hfileDir,
      TableDescriptor table,
      RegionLocator regions)
      throws IOException {
    Job job =
        Job.getInstance(
            conf,
            "datapoints publish "
                + config.dates().get(0)
                + (config.dates().size() > 1
                    ? ".." + config.dates().get(config.dates().size() - 1)
                    : "")
                + " generation "
                + config.generation());
    job.setJarByClass(HFileJob.class);
    Configuration jc = job.getConfiguration();
    config.writeTo(jc);

    for (LocalDate date : config.dates()) {
      Path dir = Layout.releaseOf(new Path(config.warehouseDir()), date);
      FileSystem fs = dir.getFileSystem(jc);
      if (!fs.isDirectory(dir)) {
        throw new IllegalArgumentException(
            "--date "
                + date
                + ": no release to publish, "
                + fs.makeQualified(dir)
                + " is not a directory (run the release first)");
      }
      FileInputFormat.addInputPath(job, dir);
    }
    job.setInputFormatClass(AvroParquetInputFormat.class);
    AvroParquetInputFormat.setAvroReadSchema(job, ReleasedValue.getClassSchema());
    AvroReadSupport.setAvroDataSupplier(jc, AggregateDataSupplier.class);

    job.setMapperClass(PublishMapper.class);
    job.setMapOutputKeyClass(ImmutableBytesWritable.class);
    job.setMapOutputValueClass(BytesWritable.class);

    // Sets HFileOutputFormat2, a TotalOrderPartitioner over the region start keys, one reducer
    // per region and the family's compression/bloom/block size. It would also pick a sort
    // reducer for Put/KeyValue map outputs; ours are released values, so our reducer is set
    // afterwards.
    HFileOutputFormat2.configureIncrementalLoad(job, table, regions);
    job.setReducerClass(PublishReducer.class);
    job.setOutputKeyClass(ImmutableBytesWritable.class);
    job.setOutputValueClass(KeyValue.class);
    FileOutputFormat.setOutputPath(job, hfileDir);
    MultipleOutputs.addNamedOutput(
        job, PublishReducer.STATS, TextOutputFormat.class, NullWritable.class, Text.class);
    return job;
  }
}
