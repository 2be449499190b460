package nl.datapoints.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import nl.datapoints.schemas.Level;
import org.junit.jupiter.api.Test;

class SumsRequestTest {
  private static final AreaSums.Spec SPEC =
      new AreaSums.Spec(
          Level.SBI,
          Level.SBI,
          Level.CELL,
          Level.SBI,
          true,
          true,
          true,
          new int[] {900, 12},
          new int[] {3});

  private static SumsRequest request() {
    return new SumsRequest(
        SPEC,
        new LocalDate[] {LocalDate.of(2013, 1, 8), LocalDate.of(2013, 1, 9)},
        new long[] {1000L, 2000L},
        new int[] {1011, 1012, 1017, 1020},
        new int[] {1011, 1017},
        new int[] {1013, 1020});
  }

  @Test
  void roundTripsEveryField() {
    SumsRequest r = request();
    SumsRequest back = SumsRequest.of(r.toBytes());
    assertEquals(r, back);
    assertArrayEquals(new int[] {12, 900}, back.spec().sbiKeys(), "filter keys are kept sorted");
    assertEquals(Level.CELL, back.spec().timeline());
    assertEquals(2000L, back.generations()[1]);
    assertEquals(
        "201301081011", new String(back.firstKey(0), StandardCharsets.US_ASCII), "first key");
    assertEquals(
        "201301091020", new String(back.lastKey(1), StandardCharsets.US_ASCII), "last key");
  }

  @Test
  void badBytesAreRefusedWithAReason() {
    byte[] b = request().toBytes();
    IllegalArgumentException cut =
        assertThrows(
            IllegalArgumentException.class, () -> SumsRequest.of(Arrays.copyOf(b, b.length - 1)));
    assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    byte[] level = b.clone();
    level[1] = 42;
    assertEquals(
        "area sums request level 42 is unknown",
        assertThrows(IllegalArgumentException.class, () -> SumsRequest.of(level)).getMessage());
    byte[] longer = Arrays.copyOf(b, b.length + 2);
    assertEquals(
        "area sums request has 2 bytes after its end",
        assertThrows(IllegalArgumentException.class, () -> SumsRequest.of(longer)).getMessage());
  }

  @Test
  void runsMustBeAscendingAndDisjoint() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SumsRequest(
                    SPEC,
                    new LocalDate[] {LocalDate.of(2013, 1, 8)},
                    new long[] {1},
                    new int[] {1011, 1012},
                    new int[] {1011, 1012},
                    new int[] {1012, 1013}));
    assertEquals("runs must be ascending and disjoint, run 1", e.getMessage());
  }
}
