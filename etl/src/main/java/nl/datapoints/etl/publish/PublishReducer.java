package nl.datapoints.etl.publish;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.schemas.ReleaseBlock;
import nl.datapoints.schemas.ReleasedValue;
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
 * Reduce task: every released value of one row → the row's KeyValues ({@code d:c} when it has
 * cells, then {@code r:a}: family then qualifier order) with timestamp = the generation, for
 * HFileOutputFormat2, which writes each family's KeyValues to its own HFiles. Rows arrive in key
 * order within a partition (TotalOrderPartitioner over region start keys), so the HFiles are
 * sorted. Per-date totals go to the named output {@value #STATS} in {@code cleanup()}. A row that
 * cannot be packed is counted as {@link PublishCounters#BAD_CELL} and not written.
 */
public class PublishReducer
    extends Reducer<ImmutableBytesWritable, BytesWritable, ImmutableBytesWritable, KeyValue> {
  /** Named output with the figure lines of every date ({@link DateTotals#lines}). */
  static final String STATS = "stats";

  /** Directory of the stats files under the job output dir; moved away before the bulk load. */
  static final String STATS_DIR = "_stats";

  private final Map<LocalDate, DateTotals> totals = new TreeMap<>();
  private final ImmutableBytesWritable outKey = new ImmutableBytesWritable();
  private final ReleasedValueCodec codec = new ReleasedValueCodec();
  private long generation;
  private MultipleOutputs<ImmutableBytesWritable, KeyValue> outputs;

  @Override
  protected void setup(Context context) {
    generation = PublishConfig.readFrom(context.getConfiguration()).generation();
    outputs = new MultipleOutputs<>(context);
  }

  @Override
  protected void reduce(ImmutableBytesWritable key, Iterable<BytesWritable> values, Context context)
      throws IOException, InterruptedException {
    byte[] row = key.copyBytes();
    List<ReleasedValue> released = new ArrayList<>();
    for (BytesWritable b : values) {
      released.add(codec.decode(b.getBytes(), b.getLength()));
    }
    RowBlocks r;
    try {
      r = RowBlocks.of(released);
    } catch (IllegalArgumentException e) {
      context.getCounter(PublishCounters.BAD_CELL).increment(released.size());
      return;
    }
    outKey.set(row);
    if (r.cells() != null) {
      context.write(outKey, kv(row, ReleaseBlock.CELLS, r.cells()));
    }
    context.write(outKey, kv(row, ReleaseBlock.AREA, r.area()));
    context.getCounter(PublishCounters.ROWS_WRITTEN).increment(1);
    context.getCounter(PublishCounters.CELLS_WRITTEN).increment(r.values());
    context.getCounter(PublishCounters.DUPLICATE_CELL).increment(r.duplicates());
    totals.merge(
        RowKey.parse(row).date(),
        new DateTotals(r.values(), r.totalHits(), r.nullDeltas()),
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
