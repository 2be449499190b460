package nl.datapoints.etl.aggregate;

import java.io.IOException;
import java.time.LocalDate;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.schemas.Cell;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Merges a cell's values, lets {@link CellAggregator} decide, writes published cells to {@code
 * cells/dt=D/part-r-NNNNN.parquet} and, in cleanup, per-date totals to {@code stats/part-r-NNNNN}.
 * Runs in the reduce task.
 */
public final class CellReducer extends Reducer<CellKey, CellValue, NullWritable, NullWritable> {
  static final String CELLS_OUTPUT = "cells";
  static final String STATS_OUTPUT = StageStats.DIR;

  private BatchDates batch;
  private CellAggregator aggregator;
  private CellMerge merge;
  private DateStats stats;
  private MultipleOutputs<NullWritable, NullWritable> outputs;
  private String[] cellPaths;
  private LocalDate[] localDates;
  private final Cell cell = new Cell();
  private final long[] counts = new long[AggregateCounters.values().length];

  @Override
  protected void setup(Context context) {
    AggregateConfig config = AggregateConfig.readFrom(context.getConfiguration());
    batch = config.batchDates();
    aggregator = new CellAggregator(config.minUsers());
    merge = new CellMerge(config.minUsers());
    stats = new DateStats(batch);
    outputs = new MultipleOutputs<>(context);
    cellPaths = new String[batch.size()];
    localDates = new LocalDate[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      cellPaths[i] = Layout.stagedPart(CELLS_OUTPUT, batch.date(i));
      localDates[i] = batch.date(i);
    }
  }

  @Override
  protected void reduce(CellKey key, Iterable<CellValue> values, Context context)
      throws IOException, InterruptedException {
    int dateIndex = batch.indexOf(key.date());
    if (dateIndex < 0) {
      throw new IllegalStateException("cell " + key + " is not of a date of the batch");
    }
    merge.reset();
    for (CellValue v : values) {
      merge.add(v);
    }
    CellTally current = merge.current();
    Outcome outcome =
        aggregator.decide(
            current.hits,
            current.users.distinctCapped(),
            merge.baseline(batch.baselineMissingAt(dateIndex)));
    stats.record(dateIndex, outcome);
    if (outcome.suppressed()) {
      counts[AggregateCounters.CELLS_SUPPRESSED.ordinal()]++;
      counts[AggregateCounters.HITS_SUPPRESSED.ordinal()] += outcome.suppressedHits();
    }
    if (!outcome.publishes()) {
      return;
    }
    counts[AggregateCounters.CELLS_PUBLISHED.ordinal()]++;
    counts[AggregateCounters.HITS_PUBLISHED.ordinal()] += outcome.hits();
    if (outcome.kind() == Outcome.Kind.CARRIED_OVER) {
      counts[AggregateCounters.CELLS_CARRIED_OVER.ordinal()]++;
    }
    cell.setDate(localDates[dateIndex]);
    cell.setHour(key.hour());
    cell.setPc4(key.pc4());
    cell.setActivity(key.activity());
    cell.setSbi(key.sbi());
    cell.setHits(outcome.hits());
    cell.setDelta(outcome.delta());
    outputs.write(CELLS_OUTPUT, null, cell, cellPaths[dateIndex]);
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    try {
      Text text = new Text();
      for (String line : stats.lines()) {
        text.set(line);
        outputs.write(STATS_OUTPUT, NullWritable.get(), text, STATS_OUTPUT + "/part");
      }
      for (AggregateCounters c : AggregateCounters.values()) {
        if (counts[c.ordinal()] != 0) {
          context.getCounter(c).increment(counts[c.ordinal()]);
        }
      }
    } finally {
      outputs.close();
    }
  }
}
