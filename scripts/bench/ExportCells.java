// Exports the published Avro Cell Parquet of <warehouse>/aggregates/dt=*/ as CSV for PostgreSQL
// COPY: date,hour,pc4,activity,sbi,hits,delta (delta empty = NULL). Run with the etl classpath:
//   java -cp "$(etl classpath)" scripts/bench/ExportCells.java WAREHOUSE OUT.csv
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileWriter;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

public class ExportCells {
  public static void main(String[] args) throws Exception {
    File agg = new File(args[0], "aggregates");
    File[] days = agg.listFiles(f -> f.isDirectory() && f.getName().startsWith("dt="));
    if (days == null || days.length == 0) {
      throw new IllegalArgumentException("no dt=* partitions under " + agg);
    }
    Arrays.sort(days);
    Configuration conf = new Configuration();
    long n = 0;
    try (BufferedWriter w = new BufferedWriter(new FileWriter(args[1]), 1 << 20)) {
      for (File day : days) {
        File[] parts = day.listFiles(f -> f.getName().endsWith(".parquet"));
        Arrays.sort(parts);
        for (File part : parts) {
          try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
              HadoopInputFile.fromPath(new Path(part.toURI()), conf)).build()) {
            for (GenericRecord c; (c = r.read()) != null; ) {
              Object date = c.get("date");
              String d = date instanceof LocalDate ? date.toString() : LocalDate.ofEpochDay(((Number) date).longValue()).toString();
              Object delta = c.get("delta");
              w.append(d).append(',').append(c.get("hour").toString()).append(',').append(c.get("pc4").toString())
                  .append(',').append(c.get("activity").toString()).append(',').append(c.get("sbi").toString())
                  .append(',').append(c.get("hits").toString()).append(',').append(delta == null ? "" : delta.toString())
                  .append('\n');
              n++;
            }
          }
        }
      }
    }
    System.err.println("exported " + n + " cells from " + days.length + " dates");
  }
}
