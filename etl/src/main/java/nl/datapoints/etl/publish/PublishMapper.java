package nl.datapoints.etl.publish;

import java.io.IOException;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.RowKey;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Map task: one {@link ReleasedValue} → (row key date+pc4, the value as Avro binary). A value whose
 * row key cannot be built is counted as {@link PublishCounters#BAD_CELL}, not thrown.
 */
public class PublishMapper
    extends Mapper<Void, ReleasedValue, ImmutableBytesWritable, BytesWritable> {
  private final ImmutableBytesWritable outKey = new ImmutableBytesWritable();
  private final BytesWritable outValue = new BytesWritable();
  private final ReleasedValueCodec codec = new ReleasedValueCodec();

  @Override
  protected void map(Void key, ReleasedValue value, Context context)
      throws IOException, InterruptedException {
    context.getCounter(PublishCounters.CELLS_READ).increment(1);
    byte[] row;
    try {
      row = RowKey.of(value.getDate(), value.getPc4()).toBytes();
    } catch (IllegalArgumentException | NullPointerException e) {
      context.getCounter(PublishCounters.BAD_CELL).increment(1);
      return;
    }
    byte[] bytes = codec.encode(value);
    outKey.set(row);
    outValue.set(bytes, 0, bytes.length);
    context.write(outKey, outValue);
  }
}
