package nl.datapoints.bench.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TsvTest {
  private static final Tsv SWEEP =
      Tsv.parse(
          "sweep.tsv",
          List.of(
              "# a comment",
              "x\tp50 ms\tp99 ms\tpc4s",
              "",
              "1\t2.5\t3\t12",
              "2\t\tNaN\t40",
              "5\t4"));

  @Test
  void skipsCommentsAndBlankLinesAndReadsGapsAsNaN() {
    assertEquals(List.of("x", "p50 ms", "p99 ms", "pc4s"), SWEEP.header());
    assertArrayEquals(new double[] {1, 2, 5}, SWEEP.numbers("x"));
    assertArrayEquals(new double[] {2.5, Double.NaN, 4}, SWEEP.numbers("p50 ms"));
    assertArrayEquals(new double[] {3, Double.NaN, Double.NaN}, SWEEP.numbers("p99 ms"));
    assertArrayEquals(new String[] {"12", "40", ""}, SWEEP.strings("pc4s"));
  }

  @Test
  void unknownColumnIsNamedWithTheHeader() {
    assertEquals(
        "sweep.tsv: no column 'p90 ms' in [x, p50 ms, p99 ms, pc4s]",
        assertThrows(IllegalArgumentException.class, () -> SWEEP.column("p90 ms")).getMessage());
  }

  @Test
  void aCellThatIsNotANumberIsNamed() {
    Tsv t = Tsv.parse("t.tsv", List.of("x\ty", "1\tfast"));
    assertEquals(
        "t.tsv: column 'y' row 1 must be a number, got 'fast'",
        assertThrows(IllegalArgumentException.class, () -> t.numbers("y")).getMessage());
  }

  @Test
  void aTableNeedsAHeaderAndARow() {
    assertEquals(
        "t.tsv: need a header row and at least one data row, got 1 rows",
        assertThrows(
                IllegalArgumentException.class, () -> Tsv.parse("t.tsv", List.of("x\ty", "# only")))
            .getMessage());
  }
}
