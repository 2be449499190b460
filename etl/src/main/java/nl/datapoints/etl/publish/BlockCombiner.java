package nl.datapoints.etl.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.PackedCell;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Combiner (map task): merges a row's blocks into one, so the shuffle carries one block per row per
 * spill.
 */
public class BlockCombiner
    extends Reducer<ImmutableBytesWritable, BytesWritable, ImmutableBytesWritable, BytesWritable> {
  private final BytesWritable out = new BytesWritable();

  @Override
  protected void reduce(ImmutableBytesWritable row, Iterable<BytesWritable> blocks, Context context)
      throws IOException, InterruptedException {
    byte[] merged = CellBlock.encode(decodeAll(blocks));
    out.set(merged, 0, merged.length);
    context.write(row, out);
  }

  /** Every entry of every block (BytesWritable buffers are padded, so copy the valid bytes). */
  static List<PackedCell> decodeAll(Iterable<BytesWritable> blocks) {
    List<PackedCell> cells = new ArrayList<>();
    for (BytesWritable b : blocks) {
      cells.addAll(CellBlock.decode(b.copyBytes()));
    }
    return cells;
  }
}
