package nl.datapoints.serving.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import nl.datapoints.schemas.CellBlock;
import org.junit.jupiter.api.Test;

class SbiSumsTest {
  @Test
  void sumsPerKeyLikeAMapThroughSeveralGrowths() {
    SbiSums sums = new SbiSums();
    Map<Integer, long[]> expected = new HashMap<>();
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      // 2–5 digit SBI codes, with leading zeros, as the codec keys them.
      int digits = 2 + r.nextInt(4);
      String sbi = String.format("%0" + digits + "d", r.nextInt((int) Math.pow(10, digits)) % 700);
      int key = CellBlock.sbiKey(sbi);
      long h = r.nextInt(100);
      long d = r.nextInt(100);
      sums.add(key, h, d);
      long[] e = expected.computeIfAbsent(key, k -> new long[2]);
      e[0] += h;
      e[1] += d;
    }
    Map<Integer, long[]> actual = new HashMap<>();
    sums.forEach((key, h, d) -> actual.put(key, new long[] {h, d}));
    assertEquals(expected.size(), sums.size());
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (k, v) -> {
          assertEquals(v[0], actual.get(k)[0], "hits of " + k);
          assertEquals(v[1], actual.get(k)[1], "delta of " + k);
        });
  }

  @Test
  void emptyHasNothing() {
    SbiSums sums = new SbiSums();
    sums.forEach(
        (k, h, d) -> {
          throw new AssertionError("no entries expected");
        });
    assertEquals(0, sums.size());
  }
}
