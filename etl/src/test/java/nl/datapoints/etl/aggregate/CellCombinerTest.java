package nl.datapoints.etl.aggregate;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.Test;

/** MRUnit test of {@link CellCombiner}: one value per tag, user sets unioned and capped. */
public class CellCombinerTest {
  private static final LocalDate D = LocalDate.parse("2013-01-08");

  @Test
  public void mergesFlushesPerTagWithUserUnion() throws IOException {
    ReduceDriver<CellKey, CellValue, CellKey, CellValue> driver =
        ReduceDriver.newReduceDriver(new CellCombiner());
    AggregateConfig.of(new Path("file:///wh"), List.of(D), List.of(), 3)
        .writeTo(driver.getConfiguration());
    CellKey key = new CellKey((int) D.toEpochDay(), 10, 1011, 1, "4711");
    driver.withInput(key, List.of(current(1, 2), current(2), baseline(5, 6), current(2, 2)));

    List<Pair<CellKey, CellValue>> out = driver.run();

    assertEquals(2, out.size());
    assertEquals(key, out.get(0).getFirst());
    // users {1,2} + {2} + {2}: 2 distinct of k = 3, hits 2 + 1 + 2.
    assertEquals("CURRENT(hits=5, users=2)", out.get(0).getSecond().toString());
    assertEquals("BASELINE_EVENTS(hits=2, users=2)", out.get(1).getSecond().toString());
  }

  private static CellValue current(int... users) {
    return value(CellValue.Tag.CURRENT, users);
  }

  private static CellValue baseline(int... users) {
    return value(CellValue.Tag.BASELINE_EVENTS, users);
  }

  private static CellValue value(CellValue.Tag tag, int... users) {
    CellTally t = new CellTally(3);
    for (int u : users) {
      t.addEvent(u, ~u);
    }
    return new CellValue().set(tag, t);
  }
}
