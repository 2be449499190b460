package nl.datapoints.etl.release;

import java.io.IOException;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Reads a stored release of D-7 (for a batch date D whose D-7 is not in the batch) and hands each
 * released value to the row of D as {@link ReleaseInput.Tag#STORED}: D's deltas are D-7's released
 * values as they were published, never recomputed. Values kept only for their own delta (not
 * released on D-7) are skipped. Runs in the map task.
 */
public final class StoredReleaseMapper
    extends Mapper<Object, ReleasedValue, DatePc4, ReleaseInput> {
  private final DatePc4 key = new DatePc4();
  private final ReleaseInput value = new ReleaseInput();

  @Override
  protected void map(Object ignored, ReleasedValue v, Context context)
      throws IOException, InterruptedException {
    if (!v.getReleased()) {
      return;
    }
    Member m = DeltaJoin.memberOf(v);
    key.set((int) v.getDate().toEpochDay() + 7, v.getPc4());
    value.set(
        ReleaseInput.Tag.STORED,
        m.level(),
        v.getPc4(),
        m.hour(),
        m.activity(),
        m.sbi(),
        v.getHits(),
        0,
        v.getHitsScale());
    context.write(key, value);
  }

  @Override
  protected void cleanup(Context context) {
    FaultInjection.failFirstAttempt(context, "release");
  }
}
