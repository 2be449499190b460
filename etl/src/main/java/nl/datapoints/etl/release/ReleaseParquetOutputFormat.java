package nl.datapoints.etl.release;

import java.io.IOException;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.parquet.avro.AvroParquetOutputFormat;

/**
 * Avro {@code ReleasedValue} Parquet output named {@code part-r-NNNNN.parquet} whatever the codec.
 * Runs in the reduce task, as a named output of {@code MultipleOutputs}.
 */
public final class ReleaseParquetOutputFormat extends AvroParquetOutputFormat<ReleasedValue> {
  @Override
  public Path getDefaultWorkFile(TaskAttemptContext context, String extension) throws IOException {
    return super.getDefaultWorkFile(context, ".parquet");
  }
}
