package nl.datapoints.etl.enrich;

import java.io.IOException;
import nl.datapoints.schemas.AnonymizedEvent;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.parquet.avro.AvroParquetOutputFormat;

/**
 * Avro {@code AnonymizedEvent} Parquet output (runs in tasks) whose files are named {@code
 * <base>-m-NNNNN.parquet} whatever the compression codec (the stock format puts the codec in the
 * name, e.g. {@code .snappy.parquet}).
 */
public final class EventParquetOutputFormat extends AvroParquetOutputFormat<AnonymizedEvent> {
  @Override
  public RecordWriter<Void, AnonymizedEvent> getRecordWriter(TaskAttemptContext context)
      throws IOException, InterruptedException {
    return getRecordWriter(context, getDefaultWorkFile(context, ".parquet"));
  }
}
