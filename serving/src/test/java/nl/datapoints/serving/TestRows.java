package nl.datapoints.serving;

import java.time.LocalDate;
import java.util.List;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.PackedCell;
import nl.datapoints.schemas.PointerRow;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.client.Put;

/**
 * The Puts the serving tests write in place of a publish: a data row in the store layout and a
 * pointer flip through the schemas' own codec, so every fixture writes what the publish writes.
 */
public final class TestRows {
  private TestRows() {}

  /**
   * The data row of {@code date} + {@code pc4} at generation {@code gen}: every cell and both
   * rollups.
   */
  public static Put row(LocalDate date, int pc4, long gen, List<PackedCell> cells) {
    Put put = new Put(RowKey.of(date, pc4).toBytes());
    put.addColumn(StoreLayout.FAMILY, CellBlock.CELLS, gen, CellBlock.encode(cells));
    put.addColumn(
        StoreLayout.ROLLUP_FAMILY,
        CellBlock.BY_HOUR,
        gen,
        CellBlock.encode(CellBlock.rollupByHour(cells)));
    put.addColumn(
        StoreLayout.ROLLUP_FAMILY,
        CellBlock.BY_SBI,
        gen,
        CellBlock.encode(CellBlock.rollupBySbi(cells)));
    return put;
  }

  /** Adds the pointer flip of {@code date} to {@code pointer} (a Put of the pointer row). */
  public static Put flip(Put pointer, LocalDate date, Generation current, List<Generation> kept) {
    PointerRow.flip(date, current, kept)
        .forEach((q, v) -> pointer.addColumn(StoreLayout.FAMILY, q, v));
    return pointer;
  }

  /** A Put of the pointer row making {@code current} the only generation of {@code date}. */
  public static Put flip(LocalDate date, Generation current) {
    return flip(new Put(StoreLayout.POINTER_ROW), date, current, List.of(current));
  }
}
