package nl.datapoints.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
import org.junit.jupiter.api.Test;

class ReleaseCsvTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  private static ReleasedValue v(
      Level level,
      Integer hour,
      Integer activity,
      String sbi,
      boolean released,
      long hits,
      double scale,
      Long delta,
      Double deltaScale) {
    return new ReleasedValue(
        D, 1012, level, hour, activity, sbi, released, hits, scale, delta, deltaScale);
  }

  private static String line(ReleasedValue v) {
    return ReleaseCsv.line(new StringBuilder(), v).toString();
  }

  @Test
  void eachLevelHasItsKeyColumnsAndTheVarianceOfItsScale() {
    double b = 10 / 0.35;
    String var = Double.toString(ReleaseBlock.variance(b));
    assertEquals(
        "2013-01-08,1012,-3," + var + ",17," + var,
        line(v(Level.TOTAL, null, null, null, true, -3, b, 17L, b)));
    assertEquals(
        "2013-01-08,1012,13,40," + var + ",0," + var,
        line(v(Level.HOUR, 13, null, null, true, 40, b, 0L, b)));
    assertEquals(
        "2013-01-08,1012,01110,5," + var + ",,",
        line(v(Level.SBI, null, null, "01110", true, 5, b, null, null)));
    assertEquals(
        "2013-01-08,1012,9,12,4711,7," + var + ",8," + var,
        line(v(Level.CELL, 9, 12, "4711", true, 7, b, 8L, b)));
    assertEquals(3, ReleaseCsv.fileOf(v(Level.CELL, 9, 12, "4711", true, 7, b, 8L, b)));
  }

  @Test
  void whatIsNotReleasedIsNullSoSumsSkipIt() {
    // A cell kept only for its delta: no hits, no hits variance.
    assertEquals(
        "2013-01-08,1012,9,1,4711,,,31," + ReleaseBlock.variance(100),
        line(v(Level.CELL, 9, 1, "4711", false, 0, 0, 31L, 100.0)));
    // A member without a value on D-7: its delta 0 is exact, not released.
    assertEquals(
        "2013-01-08,1012,9,1,4711,4," + ReleaseBlock.variance(100) + ",,",
        line(v(Level.CELL, 9, 1, "4711", true, 4, 100, 0L, 0.0)));
  }

  @Test
  void variancesRoundTripExactly() {
    for (double b : new double[] {10 / 0.35, 40, 50, 100, 0.7}) {
      String[] f = line(v(Level.TOTAL, null, null, null, true, 1, b, 1L, b)).split(",");
      assertEquals(ReleaseBlock.variance(b), Double.parseDouble(f[3]));
      assertEquals(ReleaseBlock.variance(b), Double.parseDouble(f[5]));
    }
  }
}
