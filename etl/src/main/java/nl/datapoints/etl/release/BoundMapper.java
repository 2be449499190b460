package nl.datapoints.etl.release;

import java.io.IOException;
import java.util.Map;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.AnonymizedEvent;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Keys every event of the batch by its user-day (the privacy unit), so the reducer sees all of one
 * user's events of one date together. Runs in the map task.
 */
public final class BoundMapper extends Mapper<Object, AnonymizedEvent, UserDay, ReleaseInput> {
  private Map<Integer, Integer> batch;
  private final UserDay key = new UserDay();
  private final ReleaseInput value = new ReleaseInput();
  private long read;
  private long outside;

  @Override
  protected void setup(Context context) {
    batch = ReleaseConfig.readFrom(context.getConfiguration()).indexByEpochDay();
  }

  @Override
  protected void map(Object ignored, AnonymizedEvent e, Context context)
      throws IOException, InterruptedException {
    read++;
    int day = (int) e.getDate().toEpochDay();
    if (!batch.containsKey(day)) {
      outside++;
      return;
    }
    key.set(day, e.getUserKey().bytes());
    value.set(
        ReleaseInput.Tag.EVENT,
        Level.CELL,
        e.getPc4(),
        e.getHour(),
        e.getActivity(),
        e.getSbi(),
        1,
        1,
        0);
    context.write(key, value);
  }

  @Override
  protected void cleanup(Context context) {
    context.getCounter(ReleaseCounters.EVENTS_READ).increment(read);
    context.getCounter(ReleaseCounters.EVENTS_OUTSIDE_BATCH).increment(outside);
    FaultInjection.failFirstAttempt(context, "bound");
  }
}
