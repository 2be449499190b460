package nl.datapoints.etl.aggregate;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.AnonymizedEvent;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Reads {@code AnonymizedEvent}s and combines them in memory per cell (hits + a user set capped at
 * k), emitting each cell as {@link CellValue.Tag#CURRENT} under its own date and, when date + 7 is
 * in the batch, as {@link CellValue.Tag#BASELINE_EVENTS} under date + 7. Runs in the map task.
 */
public final class EventMapper extends Mapper<Object, AnonymizedEvent, CellKey, CellValue> {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private BatchDates batch;
  private int minUsers;
  private int maxCells;
  private Map<CellKey, CellTally> cache;
  private final CellKey probe = new CellKey();
  private final CellKey outKey = new CellKey();
  private final CellValue outValue = new CellValue();
  private long eventsRead;
  private long outsideBatch;
  private long flushes;

  @Override
  protected void setup(Context context) {
    AggregateConfig config = AggregateConfig.readFrom(context.getConfiguration());
    batch = config.batchDates();
    minUsers = config.minUsers();
    maxCells = config.mapCacheCells();
    cache = new HashMap<>(Math.min(maxCells, 1 << 16) * 2);
  }

  @Override
  protected void map(Object ignored, AnonymizedEvent event, Context context)
      throws IOException, InterruptedException {
    eventsRead++;
    int day = (int) event.getDate().toEpochDay();
    if (!batch.contains(day)) {
      outsideBatch++;
      return;
    }
    probe.set(day, event.getHour(), event.getPc4(), event.getActivity(), event.getSbi());
    CellTally tally = cache.get(probe);
    if (tally == null) {
      if (cache.size() >= maxCells) {
        flushes++;
        flush(context);
      }
      tally = new CellTally(minUsers);
      cache.put(probe.copy(), tally);
    }
    byte[] userKey = event.getUserKey().bytes();
    tally.addEvent((long) LONGS.get(userKey, 0), (long) LONGS.get(userKey, 8));
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    flush(context);
    context.getCounter(AggregateCounters.EVENTS_READ).increment(eventsRead);
    context.getCounter(AggregateCounters.EVENTS_OUTSIDE_BATCH).increment(outsideBatch);
    context.getCounter(AggregateCounters.MAP_CACHE_FLUSHES).increment(flushes);
    FaultInjection.failFirstAttempt(context, "aggregate");
  }

  private void flush(Context context) throws IOException, InterruptedException {
    for (Map.Entry<CellKey, CellTally> e : cache.entrySet()) {
      CellKey cell = e.getKey();
      outKey.set(cell);
      context.write(outKey, outValue.set(CellValue.Tag.CURRENT, e.getValue()));
      int next = cell.date() + 7;
      if (batch.contains(next)) {
        outKey.date(next);
        context.write(outKey, outValue.set(CellValue.Tag.BASELINE_EVENTS, e.getValue()));
      }
    }
    cache.clear();
  }
}
