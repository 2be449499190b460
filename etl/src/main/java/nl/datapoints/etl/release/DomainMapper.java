package nl.datapoints.etl.release;

import java.io.IOException;
import java.time.LocalDate;
import nl.datapoints.etl.common.FaultInjection;
import nl.datapoints.schemas.Level;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Reads the public pc4 domain the driver wrote (lines {@code YYYY-MM-DD \t pc4}: every gazetteer
 * pc4 of every batch date) and marks each row as one to release, so a pc4 nobody visited still gets
 * its (noisy) zeros. Runs in the map task.
 */
public final class DomainMapper extends Mapper<LongWritable, Text, DatePc4, ReleaseInput> {
  private final DatePc4 key = new DatePc4();
  private final ReleaseInput value = new ReleaseInput();

  @Override
  protected void map(LongWritable offset, Text line, Context context)
      throws IOException, InterruptedException {
    String s = line.toString();
    int tab = s.indexOf('\t');
    if (tab < 0) {
      throw new IllegalStateException("domain line must be 'YYYY-MM-DD<tab>pc4', got '" + s + "'");
    }
    int day = (int) LocalDate.parse(s.substring(0, tab)).toEpochDay();
    int pc4 = Integer.parseInt(s.substring(tab + 1).trim());
    context.write(
        key.set(day, pc4),
        value.set(ReleaseInput.Tag.DOMAIN, Level.TOTAL, pc4, -1, 0, "", 0, 0, 0));
  }

  @Override
  protected void cleanup(Context context) {
    FaultInjection.failFirstAttempt(context, "release");
  }
}
