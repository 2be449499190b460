package nl.datapoints.etl.enrich;

import static nl.datapoints.etl.enrich.Fixtures.utf8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.AnonymizedEvent;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** MRUnit test of the mapper's wiring: counters and what goes to which named output. */
public class EnrichMapperTest {
  static final String SOURCE = "file:/raw/dt=2013-01-08/a.tsv.gz";

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** One MultipleOutputs write, as text. */
  static final List<String> writes = new ArrayList<>();

  static final class RecordingOutputs extends MultipleOutputs<NullWritable, NullWritable> {
    RecordingOutputs(TaskInputOutputContext<?, ?, NullWritable, NullWritable> context) {
      super(context);
    }

    @Override
    public <K, V> void write(String namedOutput, K key, V value, String baseOutputPath) {
      String shown =
          value instanceof AnonymizedEvent e
              ? e.getDate()
                  + "/"
                  + e.getHour()
                  + "/"
                  + e.getPc4()
                  + "/"
                  + e.getActivity()
                  + "/"
                  + e.getSbi()
              : value.toString();
      writes.add(namedOutput + " " + baseOutputPath + " " + shown);
    }

    @Override
    public void close() {
      writes.add("closed");
    }
  }

  static final class TestableMapper extends EnrichMapper {
    @Override
    HmacKey hmacKey(Context context) {
      return Fixtures.KEY;
    }

    @Override
    MultipleOutputs<NullWritable, NullWritable> newOutputs(Context context) {
      return new RecordingOutputs(context);
    }
  }

  private MapDriver<LongWritable, RawLine, NullWritable, NullWritable> driver;

  @Before
  public void setUp() throws IOException {
    writes.clear();
    java.nio.file.Path ref = tmp.newFolder("ref").toPath();
    Fixtures.writeReference(ref);
    driver = MapDriver.newMapDriver(new TestableMapper());
    new EnrichConfig(
            new Path("/raw"), new Path(ref.toUri()), List.of(LocalDate.parse("2013-01-08")), false)
        .writeTo(driver.getConfiguration());
    driver.getConfiguration().set("mapreduce.multipleoutputs", " events quarantine stats");
  }

  private static RawLine line(String text) {
    byte[] b = utf8(text);
    return new RawLine().set(SOURCE, b, b.length, false);
  }

  @Test
  public void routesEventsQuarantineAndStatsAndCountsThem() throws IOException {
    driver
        .withInput(
            new LongWritable(1), line("2013-01-08T12:03:11+01:00\tuser-1\t10.1.2.3\t1017AB\t42\t7"))
        .withInput(new LongWritable(2), line(""))
        .withInput(
            new LongWritable(3), line("2013-01-08T12:03:11+01:00\tuser-1\t10.1.2.3\t0000AB\t42\t7"))
        .runTest();

    assertEquals(
        List.of(
            "events events/dt=2013-01-08/part 2013-01-08/12/1017/7/4711",
            "quarantine quarantine/dt=2013-01-08/part BAD_POSTCODE\t"
                + SOURCE
                + "\t3\t2013-01-08T12:03:11+01:00\tuser-1\t10.1.2.3\t0000AB\t42\t7",
            "stats stats/part 2013-01-08\tlines_read\t3",
            "stats stats/part 2013-01-08\tevents\t1",
            "stats stats/part 2013-01-08\tempty_lines\t1",
            "stats stats/part 2013-01-08\tquarantined:BAD_POSTCODE\t1",
            "closed"),
        writes);
    assertEquals(3, driver.getCounters().findCounter(EnrichCounters.LINES_READ).getValue());
    assertEquals(1, driver.getCounters().findCounter(EnrichCounters.EVENTS).getValue());
    assertEquals(1, driver.getCounters().findCounter(EnrichCounters.EMPTY_LINES).getValue());
    assertEquals(
        1, driver.getCounters().findCounter(EnrichCounters.QUARANTINED_BAD_POSTCODE).getValue());
  }

  @Test
  public void injectedFaultFailsTheTaskOnlyAfterItWroteEverything() throws IOException {
    driver.getConfiguration().set(FaultInjection.FAIL_FIRST_ATTEMPT, "enrich");
    driver.withInput(
        new LongWritable(1), line("2013-01-08T12:03:11+01:00\tuser-1\t10.1.2.3\t1017AB\t42\t7"));
    IllegalStateException e = assertThrows(IllegalStateException.class, driver::run);
    assertTrue(e.getMessage(), e.getMessage().contains("injected fault"));
    // The failed attempt did all a real one does (its files are the committer's to discard).
    assertEquals(
        List.of(
            "events events/dt=2013-01-08/part 2013-01-08/12/1017/7/4711",
            "stats stats/part 2013-01-08\tlines_read\t1",
            "stats stats/part 2013-01-08\tevents\t1",
            "stats stats/part 2013-01-08\tempty_lines\t0",
            "closed"),
        writes);
  }

  @Test
  public void countsCorruptFileMarkerAsNoLine() throws IOException {
    driver
        .withInput(new LongWritable(1), line("2013-01-08T12:03:11+01:00\tuser-1\t-\t1017AB\t42\t7"))
        .withInput(new LongWritable(2), new RawLine().markCorrupt(SOURCE, "EOFException: eof"))
        .runTest();
    assertEquals(1, driver.getCounters().findCounter(EnrichCounters.LINES_READ).getValue());
    assertEquals(1, driver.getCounters().findCounter(EnrichCounters.CORRUPT_FILES).getValue());
    assertTrue(
        writes.toString(), writes.contains("stats stats/part 2013-01-08\tcorrupt_file\t" + SOURCE));
  }
}
