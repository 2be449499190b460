package nl.datapoints.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellBlockTest {
  /** The cells pinned by the golden file {@code golden/cellblock-v1.bin}. */
  static final List<PackedCell> GOLDEN_CELLS =
      List.of(
          new PackedCell(0, 1, "4711", 12, 10L),
          new PackedCell(0, 2, "56", 5, 0L),
          new PackedCell(13, 1, "4711", 300, 1_000_000L),
          new PackedCell(23, 65535, "93112", 0, 7L));

  @Test
  void roundTripsAndSortsEntries() {
    List<PackedCell> shuffled =
        List.of(GOLDEN_CELLS.get(3), GOLDEN_CELLS.get(0), GOLDEN_CELLS.get(2), GOLDEN_CELLS.get(1));
    assertEquals(GOLDEN_CELLS, CellBlock.decode(CellBlock.encode(shuffled)));
  }

  @Test
  void keepsNullDeltaApartFromZero() {
    List<PackedCell> cells =
        List.of(new PackedCell(1, 1, "4711", 3, null), new PackedCell(2, 1, "4711", 3, 0L));
    List<PackedCell> back = CellBlock.decode(CellBlock.encode(cells));
    assertNull(back.get(0).delta());
    assertEquals(0L, back.get(1).delta());
  }

  @Test
  void encodesEmptyBlock() {
    assertEquals(List.of(), CellBlock.decode(CellBlock.encode(List.of())));
  }

  @Test
  void matchesGoldenFileOfVersionOne() throws IOException {
    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/cellblock-v1.bin")) {
      golden = in.readAllBytes();
    }
    assertEquals(GOLDEN_CELLS, CellBlock.decode(golden));
    assertArrayEquals(
        golden,
        CellBlock.encode(GOLDEN_CELLS),
        "the encoding changed: bump the block version and keep reading version 1");
  }

  @Test
  void rollsUpByHourSummingActivitiesAndSbis() {
    List<PackedCell> byHour = CellBlock.rollupByHour(GOLDEN_CELLS);
    assertEquals(
        List.of(
            new PackedCell(0, PackedCell.ALL, "", 17, 10L),
            new PackedCell(13, PackedCell.ALL, "", 300, 1_000_000L),
            new PackedCell(23, PackedCell.ALL, "", 0, 7L)),
        byHour);
  }

  @Test
  void rollsUpBySbiSummingHoursAndActivities() {
    List<PackedCell> bySbi = CellBlock.rollupBySbi(GOLDEN_CELLS);
    assertEquals(
        List.of(
            new PackedCell(0, 0, "4711", 312, 1_000_010L),
            new PackedCell(0, 0, "56", 5, 0L),
            new PackedCell(0, 0, "93112", 0, 7L)),
        bySbi);
  }

  @Test
  void rollupOfBaselineMissingCellsHasNullDelta() {
    List<PackedCell> cells =
        List.of(new PackedCell(1, 1, "4711", 3, null), new PackedCell(1, 2, "4711", 4, null));
    assertEquals(List.of(new PackedCell(1, 0, "", 7, null)), CellBlock.rollupByHour(cells));
  }

  @Test
  void rejectsUnknownVersion() {
    byte[] block = CellBlock.encode(GOLDEN_CELLS);
    block[0] = 9;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellBlock.decode(block));
    assertTrue(e.getMessage().contains("got 9"), e.getMessage());
  }

  @Test
  void rejectsTruncatedBlock() {
    byte[] block = CellBlock.encode(GOLDEN_CELLS);
    byte[] cut = Arrays.copyOf(block, block.length - 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellBlock.decode(cut));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void rejectsNegativeHits() {
    assertThrows(IllegalArgumentException.class, () -> new PackedCell(0, 1, "4711", -1, 0L));
  }

  @Test
  void keyedVisitorSeesTheSameEntriesWithSbiKeys() {
    List<PackedCell> cells =
        List.of(
            new PackedCell(0, 1, "0111", 7, null),
            new PackedCell(5, 3, "47", 9, 4L),
            new PackedCell(23, 12, "56102", 11, 0L),
            new PackedCell(PackedCell.ALL, PackedCell.ALL, "", 27, 4L));
    byte[] block = CellBlock.encode(cells);
    List<PackedCell> raw = new java.util.ArrayList<>();
    CellBlock.forEachRaw(
        block,
        (h, a, sbi, hits, dp1) ->
            raw.add(new PackedCell(h, a, sbi, hits, dp1 == 0 ? null : dp1 - 1)));
    List<PackedCell> keyed = new java.util.ArrayList<>();
    CellBlock.forEachKeyed(
        block,
        (h, a, key, hits, dp1) ->
            keyed.add(
                new PackedCell(h, a, CellBlock.sbiOfKey(key), hits, dp1 == 0 ? null : dp1 - 1)));
    assertEquals(raw, keyed);
    assertEquals(4, keyed.size());
  }

  @Test
  void sbiKeysAreOneToOneAndKeepLeadingZeros() {
    assertEquals(1, CellBlock.sbiKey(""));
    assertEquals(147, CellBlock.sbiKey("47"));
    assertEquals(10111, CellBlock.sbiKey("0111"));
    assertEquals(1111, CellBlock.sbiKey("111"));
    assertEquals(156102, CellBlock.sbiKey("56102"));
    for (String sbi :
        List.of("", "0", "00", "01", "1", "47", "4711", "0111", "56102", "999999999")) {
      assertEquals(sbi, CellBlock.sbiOfKey(CellBlock.sbiKey(sbi)), sbi);
    }
    assertEquals(-1, CellBlock.sbiKey("47a"));
    assertEquals(-1, CellBlock.sbiKey("1234567890"));
    assertEquals(-1, CellBlock.sbiKey(" 47"));
    assertThrows(IllegalArgumentException.class, () -> CellBlock.sbiOfKey(0));
  }

  @Test
  void keyedVisitorRejectsNonDecimalSbiAndTruncation() {
    byte[] block = CellBlock.encode(List.of(new PackedCell(1, 1, "4a", 3, null)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellBlock.forEachKeyed(block, (h, a, k, hits, dp1) -> {}));
    assertTrue(e.getMessage().contains("not decimal"), e.getMessage());
    byte[] good = CellBlock.encode(List.of(new PackedCell(1, 1, "4711", 3, null)));
    byte[] cut = Arrays.copyOf(good, 6);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellBlock.forEachKeyed(cut, (h, a, k, hits, dp1) -> {}));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }
}
