package nl.datapoints.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationTest {
  static final List<Generation> GOLDEN =
      List.of(
          new Generation(1712345678901L, 1712345680000L, false, 150, 4200),
          new Generation(1712000000000L, 1712000001000L, true, 3, 17));

  /** Format 2: generations of a differentially private release (store layout 3). */
  static final List<Generation> GOLDEN_PRIVATE =
      List.of(
          new Generation(1764000000000L, 1764000060000L, false, 171_002, 56_123, 1.0, 1e-8),
          new Generation(1763990000000L, 1763990060000L, true, 170_990, 55_870, 0.5, 0.0));

  @Test
  void roundTripsOne() {
    Generation g = GOLDEN.get(1);
    assertEquals(g, Generation.parse(g.toBytes()));
    assertEquals(Generation.WIDTH, g.toBytes().length);
  }

  @Test
  void roundTripsListNewestFirst() {
    assertEquals(GOLDEN, Generation.parseList(Generation.listToBytes(GOLDEN)));
    assertEquals(List.of(), Generation.parseList(new byte[0]));
  }

  @Test
  void matchesGoldenFile() throws IOException {
    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/generations-v1.bin")) {
      golden = in.readAllBytes();
    }
    assertEquals(GOLDEN, Generation.parseList(golden));
    assertArrayEquals(golden, Generation.listToBytes(GOLDEN));
  }

  @Test
  void privateGenerationsRoundTripInFormatTwo() {
    Generation g = GOLDEN_PRIVATE.get(0);
    assertEquals(Generation.WIDTH_PRIVATE, g.toBytes().length);
    assertEquals(2, g.toBytes()[0]);
    assertEquals(g, Generation.parse(g.toBytes()));
    assertEquals(1.0, Generation.parse(g.toBytes()).privacyEpsilon());
  }

  @Test
  void aListMayMixBothFormats() {
    List<Generation> mixed = List.of(GOLDEN_PRIVATE.get(0), GOLDEN.get(0), GOLDEN_PRIVATE.get(1));
    assertEquals(mixed, Generation.parseList(Generation.listToBytes(mixed)));
  }

  @Test
  void matchesGoldenFileOfFormatTwo() throws IOException {
    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/generations-v2.bin")) {
      golden = in.readAllBytes();
    }
    assertEquals(GOLDEN_PRIVATE, Generation.parseList(golden));
    assertArrayEquals(golden, Generation.listToBytes(GOLDEN_PRIVATE));
  }

  @Test
  void aGuaranteeNeedsBothEpsilonAndDelta() {
    assertThrows(
        IllegalArgumentException.class, () -> new Generation(1, 1, false, 0, 0, 1.0, Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> new Generation(1, 1, false, 0, 0, 0.0, 1e-9));
    assertThrows(IllegalArgumentException.class, () -> Generation.parse(new byte[] {7, 0, 0}));
  }

  @Test
  void rejectsNonPositiveId() {
    assertThrows(IllegalArgumentException.class, () -> new Generation(0, 1, false, 0, 0));
  }

  @Test
  void rejectsListOfWrongWidth() {
    assertThrows(IllegalArgumentException.class, () -> Generation.parseList(new byte[34]));
  }

  @Test
  void rollupsLiveInTheirOwnFamilyCellsWithThePointerRow() {
    assertEquals(
        "d", new String(StoreLayout.familyOf(ReleaseBlock.CELLS), StandardCharsets.US_ASCII));
    assertEquals(
        "r", new String(StoreLayout.familyOf(ReleaseBlock.AREA), StandardCharsets.US_ASCII));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StoreLayout.familyOf(new byte[] {'x'}));
    assertEquals("not a data-row qualifier: x", e.getMessage());
    // HBase orders families bytewise; FAMILIES must list them in that order.
    assertEquals(
        -1,
        Integer.signum(
            Byte.compare(StoreLayout.FAMILIES.get(0)[0], StoreLayout.FAMILIES.get(1)[0])));
  }
}
