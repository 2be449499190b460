package nl.datapoints.bench.data;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.reference.ReferenceData;
import nl.datapoints.etl.release.PrivacyParams;
import nl.datapoints.etl.release.ReleaseManifest;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;
import nl.datapoints.schemas.reference.ReferenceCsv;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes the dense data set as a release ({@link DenseReleaseModel}), in the warehouse layout the
 * release stage writes and {@code scripts/etl publish} reads:
 *
 * <pre>
 *   DenseRelease --ref DIR --warehouse DIR --from DATE --days N [--events-per-day 12000000]
 *                [--cells-per-pc4-day 2] [--seed 42] [--slice K/N]
 * </pre>
 *
 * {@code <warehouse>/release/dt=D/part-r-00000.parquet} (Avro {@code ReleasedValue}) and {@code
 * _release.json} (the manifest of the default privacy parameters, whose scales the values carry)
 * per date, for every postcode4 of {@code ref/postcodes.csv} and the public SBI domain of {@code
 * ref/sbi.csv} + {@code ref/merchants.csv} (SBIs weighted by merchant count). A date whose manifest
 * exists is kept (the set is cached); the manifest is written last, so a partition without one is
 * rewritten. {@code --slice K/N} writes only every N-th date starting with the K-th, so N processes
 * share the days; the release does not depend on N.
 *
 * <p>The defaults. {@code --events-per-day 12000000}: the production day the ETL benchmark measured
 * (12 M lines), ≈ 3,500 events per postcode4-day on average, log-normally spread. {@code
 * --cells-per-pc4-day 2}: under the default privacy parameters a CELL is kept with probability ½
 * only from 464 distinct users (docs/privacy.md §3), while the busiest hour × activity × SBI of an
 * average postcode-day at this density has about 7; the real pipeline kept no CELL at all on the
 * thin set, and this model with selection applied keeps fewer than 0.01 per postcode-day, so a
 * literal release would have an empty CELL level. The CELL count does not touch the unfiltered read
 * path (family {@code d} is not read); it decides the {@code d:c} bytes a publish writes and what
 * the filtered checks exercise. 2 per postcode-day (plus the ones kept for their delta: ≈ 5% of a
 * row's values) keeps the CELL level, the {@code d:c} block and the filtered answers present, more
 * in busier postcodes, while staying the small level it is; {@code 0} writes the literal
 * default-parameter release.
 */
public final class DenseRelease {
  /**
   * The privacy parameters whose scales the values carry and whose guarantee the manifest states.
   */
  static final PrivacyParams PARAMS = PrivacyParams.DEFAULT;

  private DenseRelease() {}

  public static void main(String[] args) throws Exception {
    Cli.main("dense-release", args, DenseRelease::run);
  }

  static int run(List<String> args) throws Exception {
    Options o =
        Options.parse(
            args,
            Set.of(
                "ref",
                "warehouse",
                "from",
                "days",
                "events-per-day",
                "cells-per-pc4-day",
                "seed",
                "slice"),
            Set.of());
    Path ref = o.directory("ref");
    for (String f : List.of(ReferenceCsv.POSTCODES, ReferenceCsv.MERCHANTS, ReferenceCsv.SBI)) {
      if (!Files.isRegularFile(ref.resolve(f))) {
        throw new IllegalArgumentException("--ref " + ref + " has no " + f);
      }
    }
    File warehouse = new File(o.string("warehouse"));
    LocalDate from = o.date("from");
    int days = o.integer("days", 1, 3660);
    double events = o.decimal("events-per-day", 12_000_000, 1, 1e10);
    double cells = o.decimal("cells-per-pc4-day", 2, 0, 1000);
    long seed = o.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    int[] slice = slice(o.string("slice", "1/1"));

    Configuration conf = new Configuration();
    DenseReleaseModel model = model(conf, ref, seed, from, events, cells);
    long total = 0;
    for (int d = slice[0] - 1; d < days; d += slice[1]) {
      LocalDate date = from.plusDays(d);
      File dir = new File(new File(warehouse, "release"), Layout.partition(date));
      if (new File(dir, ReleaseManifest.FILE).isFile()) {
        continue;
      }
      ReleaseManifest m = write(model, d, dir, conf);
      total += m.values();
      System.err.printf(
          "%s: %d values, %d cells selected (%.2f per pc4)%n",
          date, m.values(), m.cellsSelected(), (double) m.cellsSelected() / model.postcodes());
    }
    System.err.println("wrote " + total + " values");
    return 0;
  }

  /** The model of a reference directory: its gazetteer, SBI domain and merchants per SBI. */
  static DenseReleaseModel model(
      Configuration conf, Path ref, long seed, LocalDate from, double events, double cells)
      throws IOException {
    ReferenceData data =
        ReferenceData.load(conf, new org.apache.hadoop.fs.Path(ref.toAbsolutePath().toUri()));
    int[] pc4s = data.postcodes().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    Map<String, Integer> merchantsPerSbi = new HashMap<>();
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
    List<String> domain = new ArrayList<>(data.sbiDomain());
    double[] weights =
        domain.stream().mapToDouble(s -> merchantsPerSbi.getOrDefault(s, 0)).toArray();
    return new DenseReleaseModel(seed, from, pc4s, domain, weights, events, cells, scales());
  }

  /** The noise scale of every level under {@link #PARAMS}. */
  static Map<Level, Double> scales() {
    Map<Level, Double> out = new EnumMap<>(Level.class);
    for (Level l : Level.values()) {
      out.put(l, PARAMS.scale(l));
    }
    return out;
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

  /** Writes day {@code d} into {@code dir}: the values, then the manifest. */
  static ReleaseManifest write(DenseReleaseModel model, int d, File dir, Configuration conf)
      throws IOException {
    Files.createDirectories(dir.toPath());
    File part = new File(dir, "part-r-00000.parquet");
    File tmp = new File(dir, ".part-r-00000.parquet.tmp");
    Files.deleteIfExists(tmp.toPath());
    Files.deleteIfExists(part.toPath());
    Figures f = new Figures();
    try (ParquetWriter<ReleasedValue> w =
        AvroParquetWriter.<ReleasedValue>builder(new org.apache.hadoop.fs.Path(tmp.toURI()))
            .withSchema(ReleasedValue.getClassSchema())
            .withDataModel(AggregateDataSupplier.model())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withConf(conf)
            .build()) {
      for (int i = 0; i < model.postcodes(); i++) {
        for (ReleasedValue v : model.release(d, i)) {
          w.write(v);
          f.add(v);
        }
      }
    }
    if (!tmp.renameTo(part)) {
      throw new IOException("cannot rename " + tmp + " to " + part);
    }
    Files.deleteIfExists(new File(dir, "..part-r-00000.parquet.tmp.crc").toPath());
    ReleaseManifest m = f.manifest();
    m.write(FileSystem.getLocal(conf), new org.apache.hadoop.fs.Path(dir.toURI()));
    return m;
  }

  /** What the manifest of a date says about its values (pure). */
  static final class Figures {
    private long values;
    private long cellsSelected;
    private long totalHits;
    private long digest;

    void add(ReleasedValue v) {
      values++;
      if (v.getLevel() == Level.CELL && v.getReleased()) {
        cellsSelected++;
      }
      if (v.getLevel() == Level.TOTAL) {
        totalHits += v.getHits();
      }
      digest += ReleaseManifest.digestOf(v);
    }

    ReleaseManifest manifest() {
      return new ReleaseManifest(
          ReleaseManifest.UNIT,
          PARAMS.epsilon().doubleValue(),
          PARAMS.delta(),
          ReleaseManifest.levels(PARAMS),
          values,
          cellsSelected,
          totalHits,
          String.format("%016x", digest));
    }
  }
}
