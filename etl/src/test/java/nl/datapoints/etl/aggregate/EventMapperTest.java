package nl.datapoints.etl.aggregate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.AnonymizedEvent;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Test;

/** MRUnit wiring test of {@link EventMapper}: in-mapper combining, baseline emission, counters. */
public class EventMapperTest {
  private static final LocalDate D1 = LocalDate.parse("2013-01-01");
  private static final LocalDate D2 = LocalDate.parse("2013-01-08");

  @Test
  public void combinesEventsPerCellAndEmitsBaselineUnderDatePlus7() throws IOException {
    MapDriver<Object, AnonymizedEvent, CellKey, CellValue> driver =
        MapDriver.newMapDriver(new EventMapper());
    AggregateConfig.of(new Path("file:///wh"), List.of(D1, D2), List.of(D1), 2)
        .writeTo(driver.getConfiguration());
    AvroTestSerialization.register(driver.getConfiguration());
    List<AnonymizedEvent> events = new ArrayList<>();
    AggregateJobLocalTest.events(events, D1, 10, 1011, 1, "4711", 1, 2, 2);
    AggregateJobLocalTest.events(events, D2, 10, 1011, 1, "4711", 3);
    AggregateJobLocalTest.events(events, D2.plusDays(1), 10, 1011, 1, "4711", 3);
    for (AnonymizedEvent e : events) {
      driver.addInput(new Pair<>((Object) NullWritable.get(), e));
    }

    Map<String, String> out = new TreeMap<>();
    for (Pair<CellKey, CellValue> p : driver.run()) {
      out.merge(p.getFirst().toString(), p.getSecond().toString(), (a, b) -> a + " " + b);
    }

    Map<String, String> expected = new TreeMap<>();
    expected.put("2013-01-01/10/1011/1/4711", "CURRENT(hits=3, users=saturated)");
    expected.put(
        "2013-01-08/10/1011/1/4711",
        "CURRENT(hits=1, users=1) BASELINE_EVENTS(hits=3, users=saturated)");
    assertEquals(expected.keySet(), out.keySet());
    for (String k : expected.keySet()) {
      assertEquals(sorted(expected.get(k)), sorted(out.get(k)));
    }
    assertEquals(5, driver.getCounters().findCounter(AggregateCounters.EVENTS_READ).getValue());
    assertEquals(
        1, driver.getCounters().findCounter(AggregateCounters.EVENTS_OUTSIDE_BATCH).getValue());
  }

  @Test
  public void injectedFaultFailsTheTaskAfterItCountedItsInput() {
    MapDriver<Object, AnonymizedEvent, CellKey, CellValue> driver =
        MapDriver.newMapDriver(new EventMapper());
    AggregateConfig.of(new Path("file:///wh"), List.of(D1), List.of(D1), 2)
        .writeTo(driver.getConfiguration());
    AvroTestSerialization.register(driver.getConfiguration());
    driver.getConfiguration().set(FaultInjection.FAIL_FIRST_ATTEMPT, "aggregate");
    List<AnonymizedEvent> events = new ArrayList<>();
    AggregateJobLocalTest.events(events, D1, 10, 1011, 1, "4711", 1, 2);
    for (AnonymizedEvent e : events) {
      driver.addInput(new Pair<>((Object) NullWritable.get(), e));
    }

    IllegalStateException e = assertThrows(IllegalStateException.class, driver::run);

    assertTrue(e.getMessage(), e.getMessage().contains("injected fault"));
    assertEquals(2, driver.getCounters().findCounter(AggregateCounters.EVENTS_READ).getValue());
  }

  private static List<String> sorted(String s) {
    List<String> parts = new ArrayList<>(List.of(s.split(" (?=[A-Z])")));
    parts.sort(null);
    return parts;
  }
}
