package nl.datapoints.etl.release;

import java.io.IOException;
import java.util.Map;
import nl.datapoints.etl.common.FaultInjection;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Passes the bound job's contributions on under their date ({@link ReleaseInput.Tag#TODAY}) and,
 * when date + 7 is in the batch, also under date + 7 as {@link ReleaseInput.Tag#BASELINE}, so the
 * release of date + 7 can recompute this date's released values (same secret and sums: same values)
 * for its deltas in the same job. Runs in the map task.
 */
public final class ContributionMapper extends Mapper<DatePc4, ReleaseInput, DatePc4, ReleaseInput> {
  private Map<Integer, Integer> batch;
  private final DatePc4 next = new DatePc4();

  @Override
  protected void setup(Context context) {
    batch = ReleaseConfig.readFrom(context.getConfiguration()).indexByEpochDay();
  }

  @Override
  protected void map(DatePc4 key, ReleaseInput value, Context context)
      throws IOException, InterruptedException {
    context.write(key, value);
    if (batch.containsKey(key.date() + 7)) {
      value.tag = ReleaseInput.Tag.BASELINE;
      context.write(next.set(key.date() + 7, key.pc4()), value);
    }
  }

  @Override
  protected void cleanup(Context context) {
    FaultInjection.failFirstAttempt(context, "release");
  }
}
