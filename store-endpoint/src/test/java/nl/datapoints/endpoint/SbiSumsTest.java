package nl.datapoints.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import nl.datapoints.schemas.ReleaseBlock;
import org.junit.jupiter.api.Test;

class SbiSumsTest {
  @Test
  void sumsPerKeyLikeAMapThroughSeveralGrowths() {
    SbiSums sums = new SbiSums();
    Map<Integer, long[]> expected = new HashMap<>();
    Map<Integer, double[]> expectedVar = new HashMap<>();
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      // 2–5 digit SBI codes, with leading zeros, as the codec keys them.
      int digits = 2 + r.nextInt(4);
      String sbi = String.format("%0" + digits + "d", r.nextInt((int) Math.pow(10, digits)) % 700);
      int key = ReleaseBlock.sbiKey(sbi);
      long h = r.nextInt(100) - 20;
      long d = r.nextInt(100);
      double v = r.nextInt(5);
      int slot = sums.slot(key);
      sums.sums().addHits(slot, h, v);
      sums.sums().addDelta(slot, d, 2 * v);
      long[] e = expected.computeIfAbsent(key, k -> new long[2]);
      e[0] += h;
      e[1] += d;
      double[] ev = expectedVar.computeIfAbsent(key, k -> new double[2]);
      ev[0] += v;
      ev[1] += v * v;
    }
    assertEquals(expected.size(), sums.size());
    Map<Integer, Integer> slots = new HashMap<>();
    for (int s = 0; s < sums.size(); s++) {
      slots.put(sums.key(s), s);
    }
    assertEquals(expected.keySet(), slots.keySet());
    expected.forEach(
        (k, v) -> {
          int s = slots.get(k);
          assertEquals(v[0], sums.sums().rawHits(s), "hits of " + k);
          assertEquals(v[1], sums.sums().rawDelta(s), "delta of " + k);
          double[] ev = expectedVar.get(k);
          assertEquals(
              nl.datapoints.schemas.Margins.moe95(ev[0], ev[1]),
              sums.sums().hitsMoe(s),
              "hits moe of " + k);
          assertEquals(
              nl.datapoints.schemas.Margins.moe95(2 * ev[0], 4 * ev[1]),
              sums.sums().deltaMoe(s),
              "delta moe of " + k);
          assertEquals(sums.slot(k), s, "a key keeps its slot");
        });
  }

  @Test
  void emptyHasNothing() {
    SbiSums sums = new SbiSums();
    assertEquals(0, sums.size());
  }
}
