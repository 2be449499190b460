package nl.datapoints.bench.data;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.schemas.Cell;
import org.apache.avro.specific.SpecificData;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Exports the published cells of {@code <warehouse>/aggregates/dt=*} as CSV for PostgreSQL's {@code
 * COPY}: {@code ExportCells --warehouse DIR --out FILE.csv}, one line {@code
 * date,hour,pc4,activity,sbi,hits,delta} per cell (an empty delta is NULL).
 */
public final class ExportCells {
  private ExportCells() {}

  public static void main(String[] args) throws Exception {
    Cli.main("export-cells", args, ExportCells::run);
  }

  static int run(List<String> args) throws Exception {
    Options o = Options.parse(args, Set.of("warehouse", "out"), Set.of());
    File agg = new File(o.string("warehouse"), "aggregates");
    File[] days = agg.listFiles(f -> f.isDirectory() && f.getName().startsWith("dt="));
    if (days == null || days.length == 0) {
      throw new IllegalArgumentException("--warehouse: no dt=* partitions under " + agg);
    }
    Arrays.sort(days);
    Configuration conf = new Configuration();
    AvroReadSupport.setAvroReadSchema(conf, Cell.getClassSchema());
    long n = 0;
    StringBuilder line = new StringBuilder(64);
    try (BufferedWriter w =
        Files.newBufferedWriter(Path.of(o.string("out")), StandardCharsets.UTF_8)) {
      for (File day : days) {
        File[] parts = day.listFiles(f -> f.getName().endsWith(".parquet"));
        Arrays.sort(parts);
        for (File part : parts) {
          n += export(part, conf, w, line);
        }
      }
    }
    System.err.println("exported " + n + " cells from " + days.length + " dates");
    return 0;
  }

  private static long export(File part, Configuration conf, BufferedWriter w, StringBuilder line)
      throws IOException {
    long n = 0;
    try (ParquetReader<Cell> r =
        AvroParquetReader.<Cell>builder(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(part.toURI()), conf))
            .withDataModel(SpecificData.getForClass(Cell.class))
            .build()) {
      for (Cell c; (c = r.read()) != null; ) {
        line.setLength(0);
        w.append(
                csv(
                    line,
                    c.getDate(),
                    c.getHour(),
                    c.getPc4(),
                    c.getActivity(),
                    c.getSbi(),
                    c.getHits(),
                    c.getDelta()))
            .append('\n');
        n++;
      }
    }
    return n;
  }

  /** One CSV line (without the newline) into {@code b}; a null delta is the empty field. */
  static StringBuilder csv(
      StringBuilder b,
      LocalDate date,
      int hour,
      int pc4,
      int activity,
      String sbi,
      long hits,
      Long delta) {
    return b.append(date)
        .append(',')
        .append(hour)
        .append(',')
        .append(pc4)
        .append(',')
        .append(activity)
        .append(',')
        .append(sbi)
        .append(',')
        .append(hits)
        .append(',')
        .append(delta == null ? "" : delta.toString());
  }
}
