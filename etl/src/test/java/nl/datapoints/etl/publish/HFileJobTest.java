package nl.datapoints.etl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.HFileOutputFormat2;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.partition.TotalOrderPartitioner;
import org.apache.parquet.avro.AvroParquetInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HFileJobTest {
  @TempDir Path tmp;

  private static final TableDescriptor TABLE =
      TableDescriptorBuilder.newBuilder(TableName.valueOf("t"))
          .setColumnFamily(ColumnFamilyDescriptorBuilder.of(StoreLayout.FAMILY))
          .setColumnFamily(ColumnFamilyDescriptorBuilder.of(StoreLayout.ROLLUP_FAMILY))
          .build();

  /**
   * A RegionLocator over fixed start keys (HFileOutputFormat2 only asks for those and the name).
   */
  private static RegionLocator regions(List<byte[]> startKeys) {
    return (RegionLocator)
        Proxy.newProxyInstance(
            HFileJobTest.class.getClassLoader(),
            new Class<?>[] {RegionLocator.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getStartKeys" -> startKeys.toArray(new byte[0][]);
                  case "getName" -> TableName.valueOf("t");
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private Configuration conf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("hbase.fs.tmp.dir", tmp.resolve("staging").toString());
    return conf;
  }

  @Test
  void buildsOneJobForEveryDateWithOneReducerPerRegion() throws Exception {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      LocalDate d = LocalDate.of(2013, 1, 1).plusDays(i);
      dates.add(d);
      Files.createDirectories(tmp.resolve("w/release/dt=" + d));
    }
    PublishConfig config =
        PublishConfig.of(tmp.resolve("w").toString(), dates, 5L, "t", Optional.empty());
    List<byte[]> startKeys = new ArrayList<>();
    startKeys.add(new byte[0]);
    TableSetup.splitPoints(dates.subList(0, 2), 3).forEach(startKeys::add);

    Job job =
        HFileJob.create(
            conf(),
            config,
            new org.apache.hadoop.fs.Path(tmp.resolve("out").toUri()),
            TABLE,
            regions(startKeys));

    assertEquals(10, FileInputFormat.getInputPaths(job).length, "all dates in one job");
    assertEquals(AvroParquetInputFormat.class, job.getInputFormatClass());
    assertEquals(
        ReleasedValue.getClassSchema().toString(),
        job.getConfiguration().get("parquet.avro.read.schema"),
        "reads released values");
    for (org.apache.hadoop.fs.Path p : FileInputFormat.getInputPaths(job)) {
      assertTrue(p.toString().contains("/w/release/dt=2013-01-"), "input is the release: " + p);
    }
    assertEquals(PublishMapper.class, job.getMapperClass());
    assertEquals(PublishReducer.class, job.getReducerClass(), "our reducer, not CellSortReducer");
    assertEquals(ImmutableBytesWritable.class, job.getMapOutputKeyClass());
    assertEquals(BytesWritable.class, job.getMapOutputValueClass());
    assertEquals(HFileOutputFormat2.class, job.getOutputFormatClass());
    assertEquals(TotalOrderPartitioner.class, job.getPartitionerClass());
    assertEquals(8, job.getNumReduceTasks(), "one reducer per region: 2 dates x 3 + '~' + first");
    assertEquals(config, PublishConfig.readFrom(job.getConfiguration()));
  }

  @Test
  void refusesADateWithoutARelease() {
    PublishConfig config =
        PublishConfig.of(
            tmp.toString(), List.of(LocalDate.of(2013, 1, 8)), 5L, "t", Optional.empty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HFileJob.create(
                    conf(),
                    config,
                    new org.apache.hadoop.fs.Path(tmp.resolve("out").toUri()),
                    TABLE,
                    regions(List.of(new byte[0]))));
    assertTrue(
        e.getMessage().startsWith("--date 2013-01-08: no release to publish, ")
            && e.getMessage()
                .contains("release/dt=2013-01-08 is not a directory (run the release first)"),
        e.getMessage());
  }

  @Test
  void splitPointsCutEachDateByFirstPc4DigitAndIsolateThePointerRow() {
    List<String> points =
        TableSetup.splitPoints(List.of(LocalDate.of(2013, 1, 8)), 3).stream()
            .map(Bytes::toString)
            .toList();
    assertEquals(List.of("20130108", "201301084", "201301087", "~"), points);
  }

  @Test
  void largeFirstBatchGetsABoundedNumberOfRegionsAtDateBoundaries() {
    List<LocalDate> dates = new java.util.ArrayList<>();
    for (int i = 0; i < 42; i++) {
      dates.add(LocalDate.of(2013, 1, 1).plusDays(i));
    }
    List<String> points = TableSetup.splitPoints(dates, 3).stream().map(Bytes::toString).toList();
    assertEquals(TableSetup.MAX_INITIAL_REGIONS + 1, points.size());
    assertEquals("20130101", points.get(0));
    assertEquals("~", points.get(points.size() - 1));
    for (String p : points.subList(0, points.size() - 1)) {
      assertEquals(8, p.length(), "cut at a date boundary: " + p);
    }
  }
}
