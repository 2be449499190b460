package nl.datapoints.etl.release;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.common.StageStats;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Bounds one user-day's contributions ({@link Bounding}) and writes them, without the user key,
 * keyed by date + pc4 for the release job; in cleanup, per-date figures of what the bounds touched
 * to {@code stats/part-r-NNNNN}. Runs in the reduce task.
 */
public final class BoundReducer extends Reducer<UserDay, ReleaseInput, DatePc4, ReleaseInput> {
  static final String STATS = StageStats.DIR;
  static final List<String> METRICS = metrics();

  private Bounding bounding;
  private Map<Integer, Integer> batch;
  private DateFigures figures;
  private MultipleOutputs<DatePc4, ReleaseInput> outputs;
  private final DatePc4 outKey = new DatePc4();
  private final ReleaseInput outValue = new ReleaseInput();
  private final long[] counts = new long[ReleaseCounters.values().length];

  private static List<String> metrics() {
    List<String> m =
        new ArrayList<>(
            List.of(
                StageStats.USERS,
                StageStats.USERS_TOUCHED,
                StageStats.EVENTS_KEPT,
                StageStats.EVENTS_DROPPED));
    for (Level l : Level.values()) {
      m.add(StageStats.CELLS_DROPPED_PREFIX + l.name().toLowerCase());
    }
    for (Level l : Level.values()) {
      m.add(StageStats.HITS_CLAMPED_PREFIX + l.name().toLowerCase());
    }
    return List.copyOf(m);
  }

  @Override
  protected void setup(Context context) {
    ReleaseConfig config = ReleaseConfig.readFrom(context.getConfiguration());
    bounding = new Bounding(config.privacy(), ReleaseKey.from(context.getCredentials()).stream());
    batch = config.indexByEpochDay();
    figures = new DateFigures(config.dates(), METRICS);
    outputs = new MultipleOutputs<>(context);
  }

  @Override
  protected void reduce(UserDay key, Iterable<ReleaseInput> values, Context context)
      throws IOException, InterruptedException {
    List<Bounding.Event> events = new ArrayList<>();
    for (ReleaseInput v : values) {
      events.add(new Bounding.Event(v.pc4, v.hour, v.activity, v.sbi));
    }
    LocalDate date = LocalDate.ofEpochDay(key.date());
    Bounding.Result r = bounding.bound(key.user().clone(), date, events);
    int d = batch.get(key.date());
    figures.add(d, StageStats.USERS, 1);
    figures.add(d, StageStats.USERS_TOUCHED, r.touched() ? 1 : 0);
    figures.add(d, StageStats.EVENTS_KEPT, events.size() - r.eventsDropped());
    figures.add(d, StageStats.EVENTS_DROPPED, r.eventsDropped());
    counts[ReleaseCounters.USER_DAYS.ordinal()]++;
    counts[ReleaseCounters.USER_DAYS_TOUCHED.ordinal()] += r.touched() ? 1 : 0;
    counts[ReleaseCounters.EVENTS_DROPPED.ordinal()] += r.eventsDropped();
    for (Level l : Level.values()) {
      String name = l.name().toLowerCase();
      figures.add(d, StageStats.CELLS_DROPPED_PREFIX + name, r.cellsDropped().get(l));
      figures.add(d, StageStats.HITS_CLAMPED_PREFIX + name, r.hitsClamped().get(l));
      counts[ReleaseCounters.CELLS_DROPPED.ordinal()] += r.cellsDropped().get(l);
      counts[ReleaseCounters.HITS_CLAMPED.ordinal()] += r.hitsClamped().get(l);
    }
    for (Bounding.Contribution c : r.contributions()) {
      Member m = c.member();
      outKey.set(key.date(), c.pc4());
      outValue.set(
          ReleaseInput.Tag.TODAY,
          m.level(),
          c.pc4(),
          m.hour(),
          m.activity(),
          m.sbi(),
          c.hits(),
          1,
          0);
      context.write(outKey, outValue);
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
      for (ReleaseCounters c : ReleaseCounters.values()) {
        if (counts[c.ordinal()] != 0) {
          context.getCounter(c).increment(counts[c.ordinal()]);
        }
      }
    } finally {
      outputs.close();
    }
  }
}
