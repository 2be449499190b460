package nl.datapoints.bench.common;

import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads one date's release from the warehouse ({@code release/dt=D/*.parquet}, docs/formats.md) on
 * the local file system, part by part in name order, every value checked to belong to the date.
 */
public final class ReleaseParts {
  private ReleaseParts() {}

  /** Receives the values of a release. */
  @FunctionalInterface
  public interface ValueSink {
    void accept(ReleasedValue v) throws IOException;
  }

  /**
   * Hands every value of the release of {@code date} in {@code dayDir} to {@code sink}.
   *
   * @throws IllegalArgumentException when {@code dayDir} is not a directory
   * @throws IllegalStateException when a part holds a value of another date
   */
  public static void forEach(File dayDir, LocalDate date, ValueSink sink) throws IOException {
    File[] parts = dayDir.listFiles(f -> f.getName().endsWith(".parquet"));
    if (parts == null) {
      throw new IllegalArgumentException(
          "no release for " + date + ", " + dayDir + " is not a directory");
    }
    Arrays.sort(parts);
    Configuration conf = new Configuration();
    AvroReadSupport.setAvroReadSchema(conf, ReleasedValue.getClassSchema());
    for (File part : parts) {
      try (ParquetReader<ReleasedValue> r =
          AvroParquetReader.<ReleasedValue>builder(
                  HadoopInputFile.fromPath(new Path(part.toURI()), conf))
              .withDataModel(AggregateDataSupplier.model())
              .build()) {
        for (ReleasedValue v; (v = r.read()) != null; ) {
          if (!v.getDate().equals(date)) {
            throw new IllegalStateException(
                part + " holds a value of " + v.getDate() + ", not " + date);
          }
          sink.accept(v);
        }
      }
    }
  }
}
