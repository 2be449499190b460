package nl.datapoints.etl.release;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.etl.reference.ReferenceData;
import nl.datapoints.etl.release.ReleaseCore.Released;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Releases one date × pc4 ({@link ReleaseCore}), joins the deltas ({@link DeltaJoin}) and writes
 * the values to {@code release/dt=D/part-r-NNNNN.parquet}; in cleanup, per-date figures (values,
 * selected cells, released total hits, a digest of the release) to {@code stats/part-r-NNNNN}. Runs
 * in the reduce task.
 */
public final class ReleaseReducer
    extends Reducer<DatePc4, ReleaseInput, NullWritable, NullWritable> {
  static final String RELEASE = "release";
  static final String STATS = StageStats.DIR;
  static final List<String> METRICS =
      List.of(
          StageStats.VALUES_RELEASED,
          StageStats.CELLS_SELECTED,
          StageStats.TOTAL_HITS_RELEASED,
          StageStats.RELEASE_DIGEST);

  private ReleaseConfig config;
  private ReleaseCore core;
  private Map<Integer, Integer> batch;
  private DateFigures figures;
  private MultipleOutputs<NullWritable, NullWritable> outputs;
  private long released;
  private long selected;
  private long outsideDomain;

  @Override
  protected void setup(Context context) throws IOException {
    config = ReleaseConfig.readFrom(context.getConfiguration());
    ReferenceData ref = ReferenceData.load(context.getConfiguration(), config.refDir());
    core =
        new ReleaseCore(
            config.privacy(), ReleaseKey.from(context.getCredentials()).stream(), ref.sbiDomain());
    batch = config.indexByEpochDay();
    figures = new DateFigures(config.dates(), METRICS);
    outputs = new MultipleOutputs<>(context);
  }

  @Override
  protected void reduce(DatePc4 key, Iterable<ReleaseInput> values, Context context)
      throws IOException, InterruptedException {
    ReleaseCore.Sums today = new ReleaseCore.Sums();
    ReleaseCore.Sums week = new ReleaseCore.Sums();
    SortedMap<Member, Released> stored = new TreeMap<>();
    boolean inDomain = false;
    boolean hasContribution = false;
    for (ReleaseInput v : values) {
      switch (v.tag) {
        case DOMAIN -> inDomain = true;
        case TODAY -> {
          today.add(v.member(), v.hits, v.users);
          hasContribution = true;
        }
        case BASELINE -> week.add(v.member(), v.hits, v.users);
        case STORED -> stored.put(v.member(), new Released(v.hits, v.scale));
        default -> throw new IllegalStateException("unexpected value in the release job: " + v);
      }
    }
    if (!inDomain) {
      // Not a gazetteer pc4 (enrich quarantines those, so this is not expected): never released.
      outsideDomain += hasContribution ? 1 : 0;
      return;
    }
    LocalDate date = LocalDate.ofEpochDay(key.date());
    SortedMap<Member, Released> release = core.release(date, key.pc4(), today);
    SortedMap<Member, Released> baseline = null;
    if (config.dates().contains(date.minusDays(7))) {
      baseline = core.release(date.minusDays(7), key.pc4(), week);
    } else if (config.storedBaseline().contains(date)) {
      baseline = stored;
    }
    int d = batch.get(key.date());
    String path = Layout.stagedPart(RELEASE, date);
    for (ReleasedValue v : DeltaJoin.join(date, key.pc4(), release, baseline)) {
      outputs.write(RELEASE, null, v, path);
      figures.add(d, StageStats.VALUES_RELEASED, 1);
      figures.add(d, StageStats.RELEASE_DIGEST, ReleaseManifest.digestOf(v));
      if (v.getLevel() == Level.TOTAL) {
        figures.add(d, StageStats.TOTAL_HITS_RELEASED, v.getHits());
      }
      if (v.getLevel() == Level.CELL && v.getReleased()) {
        figures.add(d, StageStats.CELLS_SELECTED, 1);
        selected++;
      }
      released++;
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    try {
      Text text = new Text();
      for (String line : figures.lines()) {
        text.set(line);
        outputs.write(STATS, NullWritable.get(), text, STATS + "/part");
      }
      context.getCounter(ReleaseCounters.VALUES_RELEASED).increment(released);
      context.getCounter(ReleaseCounters.CELLS_SELECTED).increment(selected);
      context.getCounter(ReleaseCounters.OUTSIDE_DOMAIN).increment(outsideDomain);
    } finally {
      outputs.close();
    }
  }
}
