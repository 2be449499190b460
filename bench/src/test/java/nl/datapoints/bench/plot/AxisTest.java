package nl.datapoints.bench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {
  @Test
  void niceStepIsTheNextOneTwoOrFive() {
    assertEquals(1, Axis.niceStep(0.8));
    assertEquals(2, Axis.niceStep(1.2));
    assertEquals(5, Axis.niceStep(2.01));
    assertEquals(10, Axis.niceStep(7));
    assertEquals(20, Axis.niceStep(12.5));
    assertEquals(0.5, Axis.niceStep(0.3), 1e-15);
    assertEquals(0.2, Axis.niceStep(0.2), 1e-15);
    assertEquals(1, Axis.niceStep(0));
    assertEquals(1, Axis.niceStep(Double.NaN));
  }

  @Test
  void yRangeStartsAtZeroAndEndsOnAStepAboveTheMaximum() {
    // About 8 steps: 95 / 8 = 11.9 -> 20.
    assertArrayEquals(new double[] {0, 100, 20}, Axis.yRange(12, 95, true), 1e-9);
    // 5 % headroom: 96 * 1.05 > 100.
    assertArrayEquals(new double[] {0, 120, 20}, Axis.yRange(12, 96, true), 1e-9);
    assertArrayEquals(new double[] {40, 90, 10}, Axis.yRange(42, 85, false), 1e-9);
    // All zero: still one step tall.
    assertArrayEquals(new double[] {0, 1, 1}, Axis.yRange(0, 0, true), 1e-9);
  }

  @Test
  void xRangePadsBothSides() {
    assertArrayEquals(new double[] {0.43, 20.57}, Axis.xRange(1, 20), 1e-9);
    assertArrayEquals(new double[] {6, 8}, Axis.xRange(7, 7), 1e-9);
  }

  @Test
  void ticksDoNotDriftAndIncludeTheTop() {
    List<Double> t = Axis.ticks(0, 1, 0.1);
    assertEquals(11, t.size());
    assertEquals(0.7, t.get(7), 1e-12);
    assertEquals(List.of(0.0, 20.0, 40.0), Axis.ticks(0, 40, 20));
  }

  @Test
  void pixelsMapLinearlyAndYGrowsUpwards() {
    Axis x = new Axis(0, 10, 80, 880);
    assertEquals(80, x.pixel(0));
    assertEquals(480, x.pixel(5));
    assertEquals(880, x.pixel(10));
    Axis y = new Axis(0, 100, 478, 96);
    assertEquals(478, y.pixel(0));
    assertEquals(96, y.pixel(100));
    assertEquals(287, y.pixel(50));
    assertThrows(IllegalArgumentException.class, () -> new Axis(1, 1, 0, 10));
  }

  @Test
  void labelsAreShortButExact() {
    assertEquals("20", Axis.label(20));
    assertEquals("-5", Axis.label(-5));
    assertEquals("2.5", Axis.label(2.5));
    assertEquals("0.0125", Axis.label(0.0125));
    assertEquals("0.333", Axis.label(1.0 / 3));
  }
}
