package nl.datapoints.etl.aggregate;

import java.io.IOException;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.Cell;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Reads published {@code Cell}s of a D-7 that is not in the batch and emits each one with hits > 0
 * as {@link CellValue.Tag#BASELINE_PUBLISHED} under D. Cells with hits 0 (carry-overs) are skipped:
 * they give delta 0 and are not carried over again. Runs in the map task.
 */
public final class BaselineCellMapper extends Mapper<Object, Cell, CellKey, CellValue> {
  private BatchDates batch;
  private final CellKey outKey = new CellKey();
  private final CellValue outValue = new CellValue();

  @Override
  protected void setup(Context context) {
    batch = AggregateConfig.readFrom(context.getConfiguration()).batchDates();
  }

  @Override
  protected void map(Object ignored, Cell cell, Context context)
      throws IOException, InterruptedException {
    context.getCounter(AggregateCounters.BASELINE_CELLS_READ).increment(1);
    int target = (int) cell.getDate().toEpochDay() + 7;
    if (!batch.contains(target)) {
      context.getCounter(AggregateCounters.BASELINE_CELLS_OUTSIDE_BATCH).increment(1);
      return;
    }
    if (cell.getHits() <= 0) {
      context.getCounter(AggregateCounters.BASELINE_CELLS_WITHOUT_HITS).increment(1);
      return;
    }
    outKey.set(target, cell.getHour(), cell.getPc4(), cell.getActivity(), cell.getSbi());
    context.write(outKey, outValue.setPublished(cell.getHits()));
  }

  @Override
  protected void cleanup(Context context) {
    // Task 0 of the aggregate job may read events or a baseline: the hook is in both mappers.
    FaultInjection.failFirstAttempt(context, "aggregate");
  }
}
