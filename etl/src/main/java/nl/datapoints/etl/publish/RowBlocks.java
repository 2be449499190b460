package nl.datapoints.etl.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.PackedCell;

/**
 * The three packed values of one data row (pure; runs in the reduce task): every cell, the per-hour
 * rollup and the per-SBI rollup, plus what the row contributes to its date's totals. Public for one
 * outside user, the publish benchmark's Put-based writer ({@code
 * nl.datapoints.bench.publish.PutPublish}), which must store exactly these values.
 *
 * @param cells {@link CellBlock#CELLS} value
 * @param byHour {@link CellBlock#BY_HOUR} value
 * @param bySbi {@link CellBlock#BY_SBI} value
 * @param cellCount distinct cells in the row
 * @param hits sum of hits
 * @param nullDeltas cells whose delta is null
 * @param duplicates cells dropped because an earlier one had the same hour, activity and SBI
 */
public record RowBlocks(
    byte[] cells,
    byte[] byHour,
    byte[] bySbi,
    long cellCount,
    long hits,
    long nullDeltas,
    long duplicates) {

  /**
   * Packs one row's cells (any order). A duplicate (hour, activity, SBI) is counted, not packed
   * twice.
   */
  public static RowBlocks of(List<PackedCell> input) {
    Set<String> seen = new HashSet<>();
    List<PackedCell> cells = new ArrayList<>(input.size());
    long hits = 0;
    long nullDeltas = 0;
    long duplicates = 0;
    for (PackedCell c : input) {
      if (!seen.add(c.hour() + "/" + c.activity() + "/" + c.sbi())) {
        duplicates++;
        continue;
      }
      cells.add(c);
      hits += c.hits();
      if (c.delta() == null) {
        nullDeltas++;
      }
    }
    return new RowBlocks(
        CellBlock.encode(cells),
        CellBlock.encode(CellBlock.rollupByHour(cells)),
        CellBlock.encode(CellBlock.rollupBySbi(cells)),
        cells.size(),
        hits,
        nullDeltas,
        duplicates);
  }
}
