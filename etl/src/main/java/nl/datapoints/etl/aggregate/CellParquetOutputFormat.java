package nl.datapoints.etl.aggregate;

import java.io.IOException;
import nl.datapoints.schemas.Cell;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.parquet.avro.AvroParquetOutputFormat;

/**
 * Avro {@code Cell} Parquet output whose files are named {@code part-r-NNNNN.parquet} whatever the
 * compression codec (parquet-hadoop would name them {@code part-r-NNNNN.snappy.parquet}). Runs in
 * the reduce task, as a named output of {@code MultipleOutputs}.
 */
public final class CellParquetOutputFormat extends AvroParquetOutputFormat<Cell> {
  @Override
  public Path getDefaultWorkFile(TaskAttemptContext context, String extension) throws IOException {
    return super.getDefaultWorkFile(context, ".parquet");
  }
}
