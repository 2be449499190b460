package nl.datapoints.etl.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.DelegatingInputFormat;
import org.apache.hadoop.mapreduce.lib.input.DelegatingMapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the aggregate job without running it and checks its wiring. */
class AggregateJobTest {
  private static final LocalDate D1 = LocalDate.parse("2013-01-01");
  private static final LocalDate D2 = LocalDate.parse("2013-01-08");
  private static final LocalDate D3 = LocalDate.parse("2013-01-20");
  private static final LocalDate D4 = LocalDate.parse("2013-01-30");

  @TempDir java.nio.file.Path tmp;
  private Path warehouse;

  @BeforeEach
  void layOutWarehouse() throws IOException {
    warehouse = new Path(tmp.toUri());
    for (LocalDate d : List.of(D1, D2, D3, D4)) {
      Files.createDirectories(tmp.resolve("events/dt=" + d));
    }
    Files.createDirectories(tmp.resolve("aggregates/dt=2013-01-13"));
  }

  @Test
  void readsEventsOfEveryDateAndPublishedBaselinesOnlyWhereNeeded() throws IOException {
    AggregateConfig config =
        AggregateConfig.of(warehouse, List.of(D1, D2, D3, D4), List.of(D1, D4), 5);
    Job job = AggregateJob.create(new Configuration(), config, new Path(tmp.toUri() + "/out"));

    Map<String, String> expected = new TreeMap<>();
    for (LocalDate d : List.of(D1, D2, D3, D4)) {
      expected.put(config.eventsDir(d).toString(), EventMapper.class.getName());
    }
    // D2's baseline D1 is in the batch; D1 and D4 have none: only D3 reads a published one.
    expected.put(
        config.aggregatesDir(D3.minusDays(7)).toString(), BaselineCellMapper.class.getName());
    assertEquals(expected, mappersByPath(job.getConfiguration()));
  }

  @Test
  void wiresFormatsClassesAndReducers() throws Exception {
    AggregateConfig config = AggregateConfig.of(warehouse, List.of(D1, D2), List.of(D1), 5);
    Path out = new Path(tmp.toUri() + "/out");
    Job job = AggregateJob.create(new Configuration(), config, out);

    assertEquals(DelegatingInputFormat.class, job.getInputFormatClass());
    assertEquals(DelegatingMapper.class, job.getMapperClass());
    assertEquals(CellKey.class, job.getMapOutputKeyClass());
    assertEquals(CellValue.class, job.getMapOutputValueClass());
    assertEquals(CellCombiner.class, job.getCombinerClass());
    assertEquals(CellPartitioner.class, job.getPartitionerClass());
    assertEquals(CellReducer.class, job.getReducerClass());
    assertEquals(2, job.getNumReduceTasks());
    assertEquals(LazyOutputFormat.class, job.getOutputFormatClass());
    assertEquals(out, FileOutputFormat.getOutputPath(job));
    Configuration c = job.getConfiguration();
    assertEquals(
        TextOutputFormat.class, c.getClass("mapreduce.output.lazyoutputformat.outputformat", null));
    assertEquals(
        CellParquetOutputFormat.class,
        c.getClass("mapreduce.multipleoutputs.namedOutput.cells.format", null));
    assertEquals(
        TextOutputFormat.class,
        c.getClass("mapreduce.multipleoutputs.namedOutput.stats.format", null));
    assertEquals(config, AggregateConfig.readFrom(c));
    assertEquals(AggregateDataSupplier.class.getName(), c.get("parquet.avro.data.supplier"));
    assertEquals(AggregateDataSupplier.class.getName(), c.get("parquet.avro.write.data.supplier"));
  }

  @Test
  void honoursConfiguredReducerCount() throws IOException {
    AggregateConfig config =
        AggregateConfig.of(warehouse, List.of(D1), List.of(D1), 5).withReducers(7);
    assertEquals(
        7, AggregateJob.create(new Configuration(), config, new Path("/o")).getNumReduceTasks());
  }

  @Test
  void refusesMissingEventsPartition() throws IOException {
    Files.delete(tmp.resolve("events/dt=" + D2));
    AggregateConfig config = AggregateConfig.of(warehouse, List.of(D1, D2), List.of(D1), 5);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AggregateJob.create(new Configuration(), config, new Path("/o")));
    assertTrue(e.getMessage().contains("events/dt=2013-01-08"), e.getMessage());
  }

  @Test
  void refusesUndeclaredMissingBaseline() {
    AggregateConfig config = AggregateConfig.of(warehouse, List.of(D1), List.of(), 5);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AggregateJob.create(new Configuration(), config, new Path("/o")));
    assertTrue(
        e.getMessage().contains("aggregates/dt=2012-12-25")
            && e.getMessage().contains("baselineMissing"),
        e.getMessage());
  }

  private static Map<String, String> mappersByPath(Configuration conf) {
    Map<String, String> m = new TreeMap<>();
    for (String entry : conf.get("mapreduce.input.multipleinputs.dir.mappers").split(",")) {
      String[] parts = entry.split(";");
      m.put(new Path(parts[0]).toString(), parts[1]);
    }
    return m;
  }
}
