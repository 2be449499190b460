package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoiseStreamTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID = {1, 2, 3};

  @Test
  void sameKeyAndIdentityGiveTheSameBits() {
    long a = new NoiseStream(KEY).reset(ID).bits(62);
    long b = new NoiseStream(KEY).reset(ID).bits(62);
    assertEquals(a, b);
    NoiseStream s = new NoiseStream(KEY);
    s.reset(new byte[] {9}).bits(40);
    assertEquals(a, s.reset(ID).bits(62), "reset starts the identity's bits from the beginning");
  }

  @Test
  void anotherIdentityOrKeyGivesOtherBits() {
    long a = new NoiseStream(KEY).reset(ID).bits(62);
    assertNotEquals(a, new NoiseStream(KEY).reset(new byte[] {1, 2, 4}).bits(62));
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertNotEquals(a, new NoiseStream(other).reset(ID).bits(62));
  }

  @Test
  void uniformIsUniform() {
    NoiseStream s = new NoiseStream(KEY).reset(ID);
    int n = 7;
    int draws = 70_000;
    int[] counts = new int[n];
    for (int i = 0; i < draws; i++) {
      counts[(int) s.uniform(n)]++;
    }
    double chi = 0;
    for (int c : counts) {
      chi += Math.pow(c - draws / (double) n, 2) / (draws / (double) n);
    }
    // 6 degrees of freedom: P(chi2 > 22.5) < 0.001.
    assertTrue(chi < 22.5, "chi-square " + chi);
  }

  @Test
  void bernoulliHitsItsProbability() {
    NoiseStream s = new NoiseStream(KEY).reset(ID);
    int hits = 0;
    for (int i = 0; i < 100_000; i++) {
      hits += s.bernoulli(3, 10) ? 1 : 0;
    }
    assertEquals(0.3, hits / 100_000.0, 0.006);
    assertThrows(IllegalArgumentException.class, () -> s.bernoulli(11, 10));
  }

  @Test
  void unitIsInTheUnitInterval() {
    NoiseStream s = new NoiseStream(KEY).reset(ID);
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      double u = s.unit();
      assertTrue(u >= 0 && u < 1, "u = " + u);
      sum += u;
    }
    assertEquals(0.5, sum / 10_000, 0.01);
  }
}
