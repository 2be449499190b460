package nl.datapoints.etl.aggregate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.Cell;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Test;

/**
 * MRUnit wiring test of {@link BaselineCellMapper}: key shifted by 7 days, hits-0 cells skipped.
 */
public class BaselineCellMapperTest {
  private static final LocalDate BASE = LocalDate.parse("2013-01-13");
  private static final LocalDate D = LocalDate.parse("2013-01-20");

  @Test
  public void emitsPublishedHitsUnderDPlus7AndSkipsCarryOvers() throws IOException {
    MapDriver<Object, Cell, CellKey, CellValue> driver =
        MapDriver.newMapDriver(new BaselineCellMapper());
    AggregateConfig.of(new Path("file:///wh"), List.of(D), List.of(), 5)
        .writeTo(driver.getConfiguration());
    AvroTestSerialization.register(driver.getConfiguration());
    driver.addInput(
        new Pair<>(NullWritable.get(), AggregateJobLocalTest.cell(BASE, 9, 2000, 3, "10", 7, 2L)));
    driver.addInput(
        new Pair<>(NullWritable.get(), AggregateJobLocalTest.cell(BASE, 8, 2000, 3, "10", 0, 6L)));
    driver.addInput(
        new Pair<>(
            NullWritable.get(),
            AggregateJobLocalTest.cell(BASE.minusDays(1), 8, 2000, 3, "10", 4, 6L)));

    List<Pair<CellKey, CellValue>> out = driver.run();

    assertEquals(1, out.size());
    assertEquals("2013-01-20/9/2000/3/10", out.get(0).getFirst().toString());
    assertEquals("BASELINE_PUBLISHED(hits=7, users=0)", out.get(0).getSecond().toString());
    assertEquals(3, counter(driver, AggregateCounters.BASELINE_CELLS_READ));
    assertEquals(1, counter(driver, AggregateCounters.BASELINE_CELLS_WITHOUT_HITS));
    assertEquals(1, counter(driver, AggregateCounters.BASELINE_CELLS_OUTSIDE_BATCH));
  }

  @Test
  public void injectedFaultFailsTheTaskAfterItReadItsInput() {
    MapDriver<Object, Cell, CellKey, CellValue> driver =
        MapDriver.newMapDriver(new BaselineCellMapper());
    AggregateConfig.of(new Path("file:///wh"), List.of(D), List.of(), 5)
        .writeTo(driver.getConfiguration());
    AvroTestSerialization.register(driver.getConfiguration());
    driver.getConfiguration().set(FaultInjection.FAIL_FIRST_ATTEMPT, "enrich,aggregate");
    driver.addInput(
        new Pair<>(NullWritable.get(), AggregateJobLocalTest.cell(BASE, 9, 2000, 3, "10", 7, 2L)));

    IllegalStateException e = assertThrows(IllegalStateException.class, driver::run);

    assertTrue(e.getMessage(), e.getMessage().contains("injected fault"));
    assertEquals(1, counter(driver, AggregateCounters.BASELINE_CELLS_READ));
  }

  private static long counter(MapDriver<?, ?, ?, ?> d, AggregateCounters c) {
    return d.getCounters().findCounter(c).getValue();
  }
}
