package nl.datapoints.etl.aggregate;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Merges the values of one cell that a map task emitted in several cache flushes: one value per
 * tag, user sets merged and capped at k. Runs in the map task (spills) and in reduce-side merges.
 */
public final class CellCombiner extends Reducer<CellKey, CellValue, CellKey, CellValue> {
  private CellMerge merge;
  private final CellValue out = new CellValue();

  @Override
  protected void setup(Context context) {
    merge = new CellMerge(AggregateConfig.readFrom(context.getConfiguration()).minUsers());
  }

  @Override
  protected void reduce(CellKey key, Iterable<CellValue> values, Context context)
      throws IOException, InterruptedException {
    merge.reset();
    for (CellValue v : values) {
      merge.add(v);
    }
    if (merge.hasCurrent()) {
      context.write(key, out.set(CellValue.Tag.CURRENT, merge.current()));
    }
    if (merge.hasBaselineEvents()) {
      context.write(key, out.set(CellValue.Tag.BASELINE_EVENTS, merge.baselineEvents()));
    }
    if (merge.hasPublished()) {
      context.write(key, out.setPublished(merge.publishedHits()));
    }
  }
}
