package nl.datapoints.etl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.PackedCell;
import org.junit.jupiter.api.Test;

class RowBlocksTest {
  @Test
  void packsCellsSortedWithBothRollups() {
    PackedCell a = new PackedCell(13, 2, "56", 9, 3L);
    PackedCell b = new PackedCell(0, 1, "4711", 7, 1L);
    PackedCell c = new PackedCell(13, 1, "4711", 5, 0L);
    RowBlocks r = RowBlocks.of(List.of(a, b, c));
    assertEquals(List.of(b, c, a), CellBlock.decode(r.cells()));
    assertEquals(
        List.of(new PackedCell(0, 0, "", 7, 1L), new PackedCell(13, 0, "", 14, 3L)),
        CellBlock.decode(r.byHour()));
    assertEquals(
        List.of(new PackedCell(0, 0, "4711", 12, 1L), new PackedCell(0, 0, "56", 9, 3L)),
        CellBlock.decode(r.bySbi()));
    assertEquals(3, r.cellCount());
    assertEquals(21, r.hits());
    assertEquals(0, r.nullDeltas());
  }

  @Test
  void countsNullDeltasAndRollsThemUpAsNull() {
    RowBlocks r =
        RowBlocks.of(
            List.of(new PackedCell(1, 1, "56", 4, null), new PackedCell(2, 1, "56", 6, 2L)));
    assertEquals(1, r.nullDeltas());
    assertEquals(List.of(new PackedCell(0, 0, "56", 10, null)), CellBlock.decode(r.bySbi()));
  }

  @Test
  void countsAndDropsADuplicateCell() {
    PackedCell a = new PackedCell(5, 1, "56", 4, 1L);
    RowBlocks r = RowBlocks.of(List.of(a, new PackedCell(5, 1, "56", 99, 1L)));
    assertEquals(1, r.duplicates());
    assertEquals(List.of(a), CellBlock.decode(r.cells()));
    assertEquals(4, r.hits());
  }
}
