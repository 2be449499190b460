package nl.datapoints.etl.release;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * Bounds one user-day's contributions ({@link Bounding}) and writes them, without the user key,
 * keyed by date + pc4 for the release job; in cleanup, per-date figures of what the bounds
 * touched to {@code stats/part-r-NNNNN}. Runs in the reduce task.
 */
public final class BoundReducer extends Reducer<UserDay, ReleaseInput, DatePc4, ReleaseInput> {
  static final String STATS = "stats";
  static final List<String> METRICS = metrics();

  private Bounding bounding;
  private Map<Integer, Integer> batch;
  private DateFigures figures;
  private MultipleOutputs<DatePc4, ReleaseInput> outputs;
  private final DatePc4 outKey = new DatePc4();
  private final ReleaseInput outValue = new ReleaseInput();
  private final long[] counts = new long[ReleaseCounters.values().length];

  private static List<String> metrics() {
    List<String> m = new ArrayList<>(List.of("users", "users_touched", "events_kept", "events_dropped"));
    for (Level l : Level.values()) {
      m.add("cells_dropped:" + l.name().toLowerCase());
    }
    for (Level l : Level.values()) {
      m.add("hits_clamped:" + l.name().toLowerCase());
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
    figures.add(d, "users", 1);
    figures.add(d, "users_touched", r.touched() ? 1 : 0);
    figures.add(d, "events_kept", events.size() - r.eventsDropped());
    figures.add(d, "events_dropped", r.eventsDropped());
    counts[ReleaseCounters.USER_DAYS.ordinal()]++;
    counts[ReleaseCounters.USER_DAYS_TOUCHED.ordinal()] += r.touched() ? 1 : 0;
    counts[ReleaseCounters.EVENTS_DROPPED.ordinal()] += r.eventsDropped();
    for (Level l : Level.values()) {
      String name = l.name().toLowerCase();
      figures.add(d, "cells_dropped:" + name, r.cellsDropped().get(l));
      figures.add(d, "hits_clamped:" + name, r.hitsClamped().get(l));
      counts[ReleaseCounters.CELLS_DROPPED.ordinal()] += r.cellsDropped().get(l);
      counts[ReleaseCounters.HITS_CLAMPED.ordinal()] += r.hitsClamped().get(l);
    }
    for (Bounding.Contribution c : r.contributions()) {
      Member m = c.member();
      outKey.set(key.date(), c.pc4());
      outValue.set(ReleaseInput.Tag.TODAY, m.level(), c.pc4(), m.hour(), m.activity(), m.sbi(), c.hits(), 1, 0);
      context.write(outKey, outValue);
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    try {
      Text line = new Text();
      LongWritable value = new LongWritable();
      for (String[] l : figures.lines()) {
        line.set(l[0] + "\t" + l[1]);
        value.set(Long.parseLong(l[2]));
        outputs.write(STATS, line, value, STATS + "/part");
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
