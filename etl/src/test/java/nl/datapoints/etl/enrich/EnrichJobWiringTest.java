package nl.datapoints.etl.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichJobWiringTest {
  @TempDir Path tmp;
  Path raw;
  EnrichConfig config;

  @BeforeEach
  void partitions() throws Exception {
    raw = tmp.resolve("raw");
    Files.createDirectories(raw.resolve("dt=2013-01-08"));
    Files.createDirectories(raw.resolve("dt=2013-01-09"));
    config =
        new EnrichConfig(
            hpath(raw),
            hpath(tmp.resolve("ref")),
            List.of(LocalDate.parse("2013-01-08"), LocalDate.parse("2013-01-09")),
            true);
  }

  static org.apache.hadoop.fs.Path hpath(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  private Job create() throws Exception {
    return EnrichJob.create(
        new Configuration(), config, hpath(tmp.resolve("staging")), Fixtures.KEY);
  }

  @Test
  void buildsAMapOnlyJobOverEveryDateOfTheBatch() throws Exception {
    Job job = create();
    assertEquals(0, job.getNumReduceTasks());
    assertEquals(RawLineInputFormat.class, job.getInputFormatClass());
    assertEquals(EnrichMapper.class, job.getMapperClass());
    List<String> inputs =
        Arrays.stream(FileInputFormat.getInputPaths(job)).map(p -> p.getName()).toList();
    assertEquals(List.of("dt=2013-01-08", "dt=2013-01-09"), inputs);
    assertEquals("staging", FileOutputFormat.getOutputPath(job).getName());
  }

  @Test
  void usesLazyOutputWithThreeNamedOutputs() throws Exception {
    Job job = create();
    assertEquals(LazyOutputFormat.class, job.getOutputFormatClass());
    Configuration conf = job.getConfiguration();
    assertEquals(
        TextOutputFormat.class,
        conf.getClass("mapreduce.output.lazyoutputformat.outputformat", null));
    assertEquals(
        List.of("events", "quarantine", "stats"),
        Arrays.stream(conf.get("mapreduce.multipleoutputs").split(" "))
            .filter(s -> !s.isEmpty())
            .toList());
    assertEquals(
        EventParquetOutputFormat.class,
        conf.getClass("mapreduce.multipleoutputs.namedOutput.events.format", null));
    assertEquals(
        TextOutputFormat.class,
        conf.getClass("mapreduce.multipleoutputs.namedOutput.quarantine.format", null));
  }

  @Test
  void carriesTheConfigInTheJobConfiguration() throws Exception {
    assertEquals(config, EnrichConfig.readFrom(create().getConfiguration()));
  }

  @Test
  void passesTheKeyInCredentialsOnly() throws Exception {
    Job job = create();
    assertArrayEquals(Fixtures.keyBytes(), EnrichJob.hmacKey(job.getCredentials()).bytes());
  }

  @Test
  void rejectsDateWithoutPartitionDirectoryNamingIt() {
    config =
        new EnrichConfig(hpath(raw), hpath(tmp), List.of(LocalDate.parse("2013-01-10")), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::create);
    assertTrue(e.getMessage().contains("dt=2013-01-10"), e.getMessage());
  }
}
