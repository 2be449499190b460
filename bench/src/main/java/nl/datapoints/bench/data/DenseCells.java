package nl.datapoints.bench.data;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.schemas.Cell;
import nl.datapoints.schemas.reference.ReferenceCsv;
import org.apache.avro.specific.SpecificData;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes the dense data set's cells ({@link DenseModel}) as published-cell Parquet:
 *
 * <pre>
 *   DenseCells --ref DIR --warehouse DIR --from DATE --days N --cells-per-pc4-day X [--seed 42] [--slice K/N]
 * </pre>
 *
 * every postcode4 of {@code ref/postcodes.csv}, SBIs from {@code ref/merchants.csv} weighted by
 * merchant count. {@code --slice K/N} writes only every N-th date starting with the K-th, so N
 * processes share the days (one per core); the cells do not depend on N.
 */
public final class DenseCells {
  private DenseCells() {}

  public static void main(String[] args) throws Exception {
    Cli.main("dense-cells", args, DenseCells::run);
  }

  static int run(List<String> args) throws Exception {
    Options o =
        Options.parse(
            args,
            Set.of("ref", "warehouse", "from", "days", "cells-per-pc4-day", "seed", "slice"),
            Set.of());
    Path ref = o.directory("ref");
    for (String f : List.of(ReferenceCsv.POSTCODES, ReferenceCsv.MERCHANTS)) {
      if (!Files.isRegularFile(ref.resolve(f))) {
        throw new IllegalArgumentException("--ref " + ref + " has no " + f);
      }
    }
    File warehouse = new File(o.string("warehouse"));
    LocalDate from = o.date("from");
    int days = o.integer("days", 1, 3660);
    double perPc4Day = o.decimal("cells-per-pc4-day", 0.1, 10_000);
    long seed = o.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    int[] slice = slice(o.string("slice", "1/1"));

    int[] pc4s;
    try (Reader in =
        Files.newBufferedReader(ref.resolve(ReferenceCsv.POSTCODES), StandardCharsets.UTF_8)) {
      pc4s =
          ReferenceCsv.postcodes(ref.resolve(ReferenceCsv.POSTCODES).toString(), in)
              .keySet()
              .stream()
              .mapToInt(Integer::intValue)
              .toArray();
    }
    TreeMap<String, Integer> merchantsPerSbi = new TreeMap<>();
    try (Reader in =
        Files.newBufferedReader(ref.resolve(ReferenceCsv.MERCHANTS), StandardCharsets.UTF_8)) {
      Set<Long> seen = new HashSet<>();
      ReferenceCsv.merchants(
          ref.resolve(ReferenceCsv.MERCHANTS).toString(),
          in,
          (id, sbi) -> {
            merchantsPerSbi.merge(sbi, 1, Integer::sum);
            return seen.add(id);
          });
    }
    List<String> sbiCodes = new ArrayList<>(merchantsPerSbi.keySet());
    double[] sbiWeights =
        merchantsPerSbi.values().stream().mapToDouble(Integer::doubleValue).toArray();
    DenseModel model = new DenseModel(seed, pc4s, sbiCodes, sbiWeights, perPc4Day);

    Configuration conf = new Configuration();
    long total = 0;
    for (int d = slice[0] - 1; d < days; d += slice[1]) {
      LocalDate date = from.plusDays(d);
      File dir = new File(new File(warehouse, "aggregates"), Layout.partition(date));
      File part = new File(dir, "part-r-00000.parquet");
      if (part.exists()) {
        continue;
      }
      long n = write(model, d, date, dir, part, conf);
      total += n;
      System.err.printf("%s: %d cells (%.1f per pc4)%n", date, n, (double) n / pc4s.length);
    }
    System.err.println("wrote " + total + " cells");
    return 0;
  }

  /** {@code K/N} as {K, N} with 1 ≤ K ≤ N. */
  static int[] slice(String s) {
    String[] f = s.split("/", -1);
    try {
      if (f.length == 2) {
        int k = Integer.parseInt(f[0]);
        int n = Integer.parseInt(f[1]);
        if (k >= 1 && k <= n) {
          return new int[] {k, n};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--slice must be K/N with 1 <= K <= N, got '" + s + "'");
  }

  private static long write(
      DenseModel model, int d, LocalDate date, File dir, File part, Configuration conf)
      throws IOException {
    Files.createDirectories(dir.toPath());
    File tmp = new File(dir, ".part-r-00000.parquet.tmp");
    Files.deleteIfExists(tmp.toPath());
    long n = 0;
    try (ParquetWriter<Cell> w =
        AvroParquetWriter.<Cell>builder(new org.apache.hadoop.fs.Path(tmp.toURI()))
            .withSchema(Cell.getClassSchema())
            .withDataModel(SpecificData.getForClass(Cell.class))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withConf(conf)
            .build()) {
      for (int i = 0; i < model.postcodes(); i++) {
        for (DenseModel.DenseCell c : model.cells(d, i)) {
          w.write(
              new Cell(
                  date,
                  c.key().hour(),
                  c.pc4(),
                  c.key().activity(),
                  c.key().sbi(),
                  c.hits(),
                  c.delta()));
          n++;
        }
      }
    }
    if (!tmp.renameTo(part)) {
      throw new IOException("cannot rename " + tmp + " to " + part);
    }
    Files.deleteIfExists(new File(dir, "..part-r-00000.parquet.tmp.crc").toPath());
    return n;
  }
}
