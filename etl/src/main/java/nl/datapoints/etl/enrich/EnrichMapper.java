package nl.datapoints.etl.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.common.TaskFailures;
import nl.datapoints.etl.reference.ReferenceData;
import nl.datapoints.schemas.AnonymizedEvent;
import nl.datapoints.schemas.UserKey;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * The enrich map task (runs in tasks): feeds each raw line to {@link Enricher} and writes the event
 * to {@code events/dt=D/part}, the line to {@code quarantine/dt=D/part}, and in {@code cleanup()}
 * the per-date tallies to {@code stats/part}, all through {@link MultipleOutputs}.
 */
public class EnrichMapper extends Mapper<LongWritable, RawLine, NullWritable, NullWritable> {
  private static final byte[] TAB = {'\t'};

  private MultipleOutputs<NullWritable, NullWritable> outputs;
  private Enricher enricher;
  private final EnrichResult result = new EnrichResult();
  private final EnrichStats stats = new EnrichStats();
  private final AnonymizedEvent event = new AnonymizedEvent();
  private final UserKey userKey = new UserKey();
  private final Text quarantineLine = new Text();
  private final Counter[] reasonCounters = new Counter[Reason.values().length];
  private Counter linesRead;
  private Counter events;
  private Counter emptyLines;
  private Counter corruptFiles;

  // Caches: a task reads one file, so these change about once per task.
  private String currentSource;
  private byte[] currentSourceBytes;
  private LocalDate partitionDate;
  private int partitionEpochDay;
  private String eventsBase;
  private String quarantineBase;
  private int eventEpochDay = Integer.MIN_VALUE;
  private LocalDate eventDate;

  @Override
  protected void setup(Context context) throws IOException {
    Configuration conf = context.getConfiguration();
    EnrichConfig config = EnrichConfig.readFrom(conf);
    HmacKey key = hmacKey(context);
    enricher = new Enricher(ReferenceData.load(conf, config.refDir()), key);
    outputs = newOutputs(context);
    linesRead = context.getCounter(EnrichCounters.LINES_READ);
    events = context.getCounter(EnrichCounters.EVENTS);
    emptyLines = context.getCounter(EnrichCounters.EMPTY_LINES);
    corruptFiles = context.getCounter(EnrichCounters.CORRUPT_FILES);
    for (Reason r : Reason.values()) {
      reasonCounters[r.ordinal()] = context.getCounter(EnrichCounters.of(r));
    }
    event.setUserKey(userKey);
  }

  /**
   * Runs the task; a failure (e.g. a corrupt gzip file) is also noted for the driver through {@link
   * TaskFailures}, because the local runner passes no task diagnostics to it.
   */
  @Override
  public void run(Context context) throws IOException, InterruptedException {
    try {
      super.run(context);
    } catch (IOException | RuntimeException e) {
      TaskFailures.record(context, e);
      throw e;
    }
  }

  /** The HMAC key from the job's credentials; a seam for MRUnit, whose context has none. */
  HmacKey hmacKey(Context context) {
    return EnrichJob.hmacKey(context.getCredentials());
  }

  /** The outputs; a seam for MRUnit, which cannot drive real MultipleOutputs writers. */
  MultipleOutputs<NullWritable, NullWritable> newOutputs(Context context) {
    return new MultipleOutputs<>(context);
  }

  @Override
  protected void map(LongWritable lineNumber, RawLine line, Context context)
      throws IOException, InterruptedException {
    switchSource(line.sourceFile());
    if (line.corruption() != null) {
      corruptFiles.increment(1);
      stats.corruptFile(partitionDate, line.sourceFile());
      return;
    }
    linesRead.increment(1);
    stats.lineRead(partitionDate);
    enricher.enrich(line.bytes(), line.length(), line.tooLong(), partitionEpochDay, result);
    switch (result.kind()) {
      case EVENT -> writeEvent();
      case EMPTY -> {
        emptyLines.increment(1);
        stats.emptyLine(partitionDate);
      }
      case QUARANTINED -> writeQuarantine(lineNumber.get(), line);
      default -> throw new IllegalStateException("unknown outcome " + result.kind());
    }
  }

  private void writeEvent() throws IOException, InterruptedException {
    if (result.epochDay() != eventEpochDay) {
      eventEpochDay = result.epochDay();
      eventDate = LocalDate.ofEpochDay(eventEpochDay);
    }
    event.setDate(eventDate);
    event.setHour(result.hour());
    event.setPc4(result.pc4());
    event.setActivity(result.activity());
    event.setSbi(result.sbi());
    System.arraycopy(result.userKey(), 0, userKey.bytes(), 0, Pseudonymizer.KEY_BYTES);
    outputs.write(EnrichJob.EVENTS, null, event, eventsBase);
    events.increment(1);
    stats.event(partitionDate);
  }

  private void writeQuarantine(long lineNumber, RawLine line)
      throws IOException, InterruptedException {
    Reason reason = result.reason();
    reasonCounters[reason.ordinal()].increment(1);
    stats.quarantined(partitionDate, reason);
    Text out = quarantineLine;
    out.clear();
    byte[] name = ReasonBytes.of(reason);
    out.append(name, 0, name.length);
    out.append(TAB, 0, 1);
    out.append(currentSourceBytes, 0, currentSourceBytes.length);
    byte[] number = Long.toString(lineNumber).getBytes(StandardCharsets.US_ASCII);
    out.append(TAB, 0, 1);
    out.append(number, 0, number.length);
    out.append(TAB, 0, 1);
    out.append(line.bytes(), 0, Enricher.contentLength(line.bytes(), line.length()));
    outputs.write(EnrichJob.QUARANTINE, NullWritable.get(), out, quarantineBase);
  }

  private void switchSource(String source) {
    if (source.equals(currentSource)) {
      return;
    }
    currentSource = source;
    currentSourceBytes = source.getBytes(StandardCharsets.UTF_8);
    partitionDate = PartitionDate.ofFile(source);
    partitionEpochDay = (int) partitionDate.toEpochDay();
    eventsBase = Layout.stagedPart(EnrichJob.EVENTS, partitionDate);
    quarantineBase = Layout.stagedPart(EnrichJob.QUARANTINE, partitionDate);
    stats.seen(partitionDate);
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    try {
      Text text = new Text();
      for (String statsLine : stats.lines()) {
        text.set(statsLine);
        outputs.write(EnrichJob.STATS, NullWritable.get(), text, EnrichJob.STATS + "/part");
      }
    } finally {
      outputs.close();
    }
    FaultInjection.failFirstAttempt(context, "enrich");
  }

  /** The reason names as bytes, made once. */
  private static final class ReasonBytes {
    private static final byte[][] NAMES = new byte[Reason.values().length][];

    static {
      for (Reason r : Reason.values()) {
        NAMES[r.ordinal()] = r.name().getBytes(StandardCharsets.US_ASCII);
      }
    }

    static byte[] of(Reason r) {
      return NAMES[r.ordinal()];
    }
  }
}
