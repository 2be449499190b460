package nl.datapoints.etl.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.schemas.CellBlock;
import nl.datapoints.schemas.RowKey;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Reduce task: all blocks of one row → the row's three KeyValues ({@code d:c}, {@code r:h}, {@code
 * r:s}, in family then qualifier order) with timestamp = the generation, for HFileOutputFormat2,
 * which writes each family's KeyValues to its own HFiles. Rows arrive in key order within a
 * partition (TotalOrderPartitioner over region start keys), so the HFiles are sorted. Per-date
 * totals go to the named output {@value #STATS} in {@code cleanup()}.
 */
public class PublishReducer
    extends Reducer<ImmutableBytesWritable, BytesWritable, ImmutableBytesWritable, KeyValue> {
  /** Named output with the figure lines of every date ({@link DateTotals#lines}). */
  static final String STATS = "stats";

  /** Directory of the stats files under the job output dir; moved away before the bulk load. */
  static final String STATS_DIR = "_stats";

  private final Map<LocalDate, DateTotals> totals = new TreeMap<>();
  private final ImmutableBytesWritable outKey = new ImmutableBytesWritable();
  private long generation;
  private MultipleOutputs<ImmutableBytesWritable, KeyValue> outputs;

  @Override
  protected void setup(Context context) {
    generation = PublishConfig.readFrom(context.getConfiguration()).generation();
    outputs = new MultipleOutputs<>(context);
  }

  @Override
  protected void reduce(ImmutableBytesWritable key, Iterable<BytesWritable> blocks, Context context)
      throws IOException, InterruptedException {
    byte[] row = key.copyBytes();
    RowBlocks r = RowBlocks.of(BlockCombiner.decodeAll(blocks));
    outKey.set(row);
    context.write(outKey, kv(row, CellBlock.CELLS, r.cells()));
    context.write(outKey, kv(row, CellBlock.BY_HOUR, r.byHour()));
    context.write(outKey, kv(row, CellBlock.BY_SBI, r.bySbi()));
    context.getCounter(PublishCounters.ROWS_WRITTEN).increment(1);
    context.getCounter(PublishCounters.CELLS_WRITTEN).increment(r.cellCount());
    context.getCounter(PublishCounters.DUPLICATE_CELL).increment(r.duplicates());
    totals.merge(
        RowKey.parse(row).date(),
        new DateTotals(r.cellCount(), r.hits(), r.nullDeltas()),
        DateTotals::plus);
  }

  private KeyValue kv(byte[] row, byte[] qualifier, byte[] value) {
    return new KeyValue(
        row, StoreLayout.familyOf(qualifier), qualifier, generation, KeyValue.Type.Put, value);
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    for (Map.Entry<LocalDate, DateTotals> e : totals.entrySet()) {
      for (String line : e.getValue().lines(e.getKey())) {
        outputs.write(STATS, NullWritable.get(), new Text(line), STATS_DIR + "/part");
      }
    }
    outputs.close();
  }
}
