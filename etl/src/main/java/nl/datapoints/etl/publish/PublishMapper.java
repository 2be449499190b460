package nl.datapoints.etl.publish;

import java.io.IOException;
import java.util.List;
import nl.datapoints.schemas.Cell;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.PackedCell;
import nl.datapoints.schemas.RowKey;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Map task: one aggregate {@link Cell} → (row key date+pc4, a one-entry {@link CellBlock}). A cell
 * that cannot be packed is counted as {@link PublishCounters#BAD_CELL}, not thrown.
 */
public class PublishMapper extends Mapper<Void, Cell, ImmutableBytesWritable, BytesWritable> {
  private final ImmutableBytesWritable outKey = new ImmutableBytesWritable();
  private final BytesWritable outValue = new BytesWritable();

  @Override
  protected void map(Void key, Cell cell, Context context)
      throws IOException, InterruptedException {
    context.getCounter(PublishCounters.CELLS_READ).increment(1);
    byte[] row;
    byte[] block;
    try {
      row = RowKey.of(cell.getDate(), cell.getPc4()).toBytes();
      block =
          CellBlock.encode(
              List.of(
                  new PackedCell(
                      cell.getHour(),
                      cell.getActivity(),
                      cell.getSbi(),
                      cell.getHits(),
                      cell.getDelta())));
    } catch (IllegalArgumentException | NullPointerException e) {
      context.getCounter(PublishCounters.BAD_CELL).increment(1);
      return;
    }
    outKey.set(row);
    outValue.set(block, 0, block.length);
    context.write(outKey, outValue);
  }
}
