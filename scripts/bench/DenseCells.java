// Writes published-cell Parquet at production density for the query and publish benchmarks:
// <warehouse>/aggregates/dt=D/part-r-00000.parquet for DAYS dates from FROM, every postcode4 of
// <ref>/postcodes.csv, SBIs from <ref>/merchants.csv (weighted by merchant count).
//
//   java -cp "$(etl classpath)" scripts/bench/DenseCells.java REF WAREHOUSE FROM DAYS CELLS_PER_PC4_DAY [SEED [K/N]]
// K/N (e.g. 1/2): write only every N-th date, starting with the K-th, so N processes share the
// days (one per core); the cells do not depend on N.
//
// Why: generating raw events at the density production has (STACK.md: ~150 cells per
// postcode4-day, 36 M cells over 60 days) and running the real enrich + aggregate over them
// takes hours on a 2-core machine. The query benchmark measures serving, not the ETL, so it
// may start from cells; both peers load exactly these cells (HBase through the real publish
// stage, PostgreSQL through COPY). The cells obey the published contract (SPEC §4):
// - every postcode4 has a stable repertoire of (hour, activity, sbi) cells, bigger for some
//   postcodes than others (log-normal size); each date publishes a random 80 % of it with
//   hits >= 5 (the k threshold), so week-on-week most cells recur;
// - a cell published on D-7 and not on D is published on D with hits 0 (carry-over);
// - delta = the cell's hits on D-7 (0 if it was not published then), null for every cell of
//   a date whose D-7 lies before FROM (no baseline).
// Deterministic for a given SEED.
import java.io.BufferedReader;
import java.io.File;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.datapoints.schemas.Cell;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

public class DenseCells {
  static final int[] ACTIVITIES = {1, 2, 3, 7, 12};
  static final double[] ACTIVITY_WEIGHTS = {0.55, 0.05, 0.10, 0.15, 0.15};
  /** Relative activity per local hour: night trough, lunch and late-afternoon peaks. */
  static final double[] HOUR_WEIGHTS = {
      0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 1.8, 2.0, 2.4,
      2.8, 2.5, 2.1, 2.0, 2.3, 2.7, 2.4, 1.8, 1.3, 0.9, 0.6, 0.4};
  static final double PRESENT = 0.8;

  record Key(int hour, int activity, String sbi) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: DenseCells REF WAREHOUSE FROM DAYS CELLS_PER_PC4_DAY [SEED [K/N]]");
      System.exit(2);
    }
    File ref = new File(args[0]);
    File warehouse = new File(args[1]);
    LocalDate from = LocalDate.parse(args[2]);
    int days = Integer.parseInt(args[3]);
    double perPc4Day = Double.parseDouble(args[4]);
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 42L;
    String[] slice = (args.length > 6 ? args[6] : "1/1").split("/");
    int sliceK = Integer.parseInt(slice[0]);
    int sliceN = Integer.parseInt(slice[1]);
    if (sliceN < 1 || sliceK < 1 || sliceK > sliceN) {
      throw new IllegalArgumentException("K/N must have 1 <= K <= N, got " + args[6]);
    }

    int[] pc4s = readPc4s(new File(ref, "postcodes.csv"));
    List<String> sbiCodes = new ArrayList<>();
    double[] sbiWeights = readSbiWeights(new File(ref, "merchants.csv"), sbiCodes);
    // Repertoire size so that present + carried-over cells average perPc4Day:
    // present = PRESENT * M, carried = PRESENT * (1 - PRESENT) * M.
    double meanRepertoire = perPc4Day / (PRESENT * (2 - PRESENT));
    List<List<Key>> repertoire = new ArrayList<>();
    List<double[]> rates = new ArrayList<>();
    SplittableRandom r0 = new SplittableRandom(seed);
    for (int i = 0; i < pc4s.length; i++) {
      SplittableRandom r = r0.split();
      double size = Math.exp(0.6 * gaussian(r) - 0.18); // log-normal, mean ~1
      int m = (int) Math.min(24 * ACTIVITIES.length * sbiCodes.size(), Math.round(meanRepertoire * size));
      java.util.LinkedHashSet<Key> keys = new java.util.LinkedHashSet<>();
      for (int tries = 0; keys.size() < m && tries < m * 20; tries++) {
        keys.add(new Key(pick(r, HOUR_WEIGHTS), ACTIVITIES[pick(r, ACTIVITY_WEIGHTS)], sbiCodes.get(pick(r, sbiWeights))));
      }
      List<Key> list = new ArrayList<>(keys);
      double[] rate = new double[list.size()];
      for (int j = 0; j < rate.length; j++) {
        rate[j] = Math.exp(1.2 + 1.0 * gaussian(r)); // mean hits above the threshold
      }
      repertoire.add(list);
      rates.add(rate);
    }

    Configuration conf = new Configuration();
    long total = 0;
    for (int d = sliceK - 1; d < days; d += sliceN) {
      LocalDate date = from.plusDays(d);
      boolean baseline = d >= 7;
      File dir = new File(new File(warehouse, "aggregates"), "dt=" + date);
      File part = new File(dir, "part-r-00000.parquet");
      if (part.exists()) {
        continue;
      }
      Files.createDirectories(dir.toPath());
      File tmp = new File(dir, ".part-r-00000.parquet.tmp");
      tmp.delete();
      long n = 0;
      try (ParquetWriter<Cell> w = AvroParquetWriter.<Cell>builder(new Path(tmp.toURI()))
          .withSchema(Cell.getClassSchema())
          .withDataModel(org.apache.avro.specific.SpecificData.getForClass(Cell.class))
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withConf(conf)
          .build()) {
        for (int i = 0; i < pc4s.length; i++) {
          long[] today = hits(seed, d, i, rates.get(i));
          long[] weekAgo = baseline ? hits(seed, d - 7, i, rates.get(i)) : null;
          List<Key> keys = repertoire.get(i);
          for (int j = 0; j < keys.size(); j++) {
            long h = today[j];
            long before = baseline ? weekAgo[j] : 0;
            if (h == 0 && before == 0) {
              continue;
            }
            Key k = keys.get(j);
            w.write(new Cell(date, k.hour(), pc4s[i], k.activity(), k.sbi(), h, baseline ? Long.valueOf(before) : null));
            n++;
          }
        }
      }
      if (!tmp.renameTo(part)) {
        throw new IllegalStateException("cannot rename " + tmp + " to " + part);
      }
      new File(dir, "..part-r-00000.parquet.tmp.crc").delete();
      total += n;
      System.err.printf("%s: %d cells (%.1f per pc4)%n", date, n, (double) n / pc4s.length);
    }
    System.err.println("wrote " + total + " cells");
  }

  /** Hits of every repertoire cell of postcode {@code i} on day {@code d}; 0 = not published. */
  static long[] hits(long seed, int d, int i, double[] rate) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + d * 100_003L + i);
    long[] out = new long[rate.length];
    for (int j = 0; j < rate.length; j++) {
      if (r.nextDouble() < PRESENT) {
        out[j] = 5 + (long) Math.floor(rate[j] * -Math.log(1 - r.nextDouble()));
      }
    }
    return out;
  }

  static int pick(SplittableRandom r, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double x = r.nextDouble() * sum;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  static int[] readPc4s(File f) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(f.toPath())) {
      in.readLine();
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          out.add(Integer.parseInt(line.substring(0, line.indexOf(','))));
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static double[] readSbiWeights(File f, List<String> codes) throws Exception {
    TreeMap<String, Integer> count = new TreeMap<>();
    try (BufferedReader in = Files.newBufferedReader(f.toPath())) {
      in.readLine();
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          count.merge(line.substring(line.indexOf(',') + 1).trim(), 1, Integer::sum);
        }
      }
    }
    codes.addAll(count.keySet());
    return count.values().stream().mapToDouble(Integer::doubleValue).toArray();
  }
}
