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
  static final List<PackedCell> GOLDEN_CELLS = List.of(
      new PackedCell(0, 1, "4711", 12, 10L),
      new PackedCell(0, 2, "56", 5, 0L),
      new PackedCell(13, 1, "4711", 300, 1_000_000L),
      new PackedCell(23, 65535, "93112", 0, 7L));

  @Test
  void roundTripsAndSortsEntries() {
    List<PackedCell> shuffled = List.of(GOLDEN_CELLS.get(3), GOLDEN_CELLS.get(0),
        GOLDEN_CELLS.get(2), GOLDEN_CELLS.get(1));
    assertEquals(GOLDEN_CELLS, CellBlock.decode(CellBlock.encode(shuffled)));
  }

  @Test
  void keepsNullDeltaApartFromZero() {
    List<PackedCell> cells = List.of(new PackedCell(1, 1, "4711", 3, null),
        new PackedCell(2, 1, "4711", 3, 0L));
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
    assertArrayEquals(golden, CellBlock.encode(GOLDEN_CELLS),
        "the encoding changed: bump the block version and keep reading version 1");
  }

  @Test
  void rollsUpByHourSummingActivitiesAndSbis() {
    List<PackedCell> byHour = CellBlock.rollupByHour(GOLDEN_CELLS);
    assertEquals(List.of(
        new PackedCell(0, PackedCell.ALL, "", 17, 10L),
        new PackedCell(13, PackedCell.ALL, "", 300, 1_000_000L),
        new PackedCell(23, PackedCell.ALL, "", 0, 7L)), byHour);
  }

  @Test
  void rollsUpBySbiSummingHoursAndActivities() {
    List<PackedCell> bySbi = CellBlock.rollupBySbi(GOLDEN_CELLS);
    assertEquals(List.of(
        new PackedCell(0, 0, "4711", 312, 1_000_010L),
        new PackedCell(0, 0, "56", 5, 0L),
        new PackedCell(0, 0, "93112", 0, 7L)), bySbi);
  }

  @Test
  void rollupOfBaselineMissingCellsHasNullDelta() {
    List<PackedCell> cells = List.of(new PackedCell(1, 1, "4711", 3, null),
        new PackedCell(1, 2, "4711", 4, null));
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
}
