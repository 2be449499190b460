package nl.datapoints.etl.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.datapoints.etl.aggregate.AggregateDataSupplier;
import nl.datapoints.etl.e2e.ReleaseChecks;
import nl.datapoints.etl.release.PrivacyParams;
import nl.datapoints.etl.release.ReleaseManifest;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes small release fixtures ({@code release/dt=D}: ReleasedValue Parquet files and the manifest
 * the release stage writes) and the blocks of every row they publish to.
 */
final class ReleaseFixtures {
  static final double TOTAL = 10 / 0.35;
  static final double HOUR = 10 / 0.25;
  static final double SBI = 10 / 0.2;
  static final double CELL = 10 / 0.1;

  private ReleaseFixtures() {}

  private static ReleasedValue.Builder base(LocalDate date, int pc4, Level level) {
    return ReleasedValue.newBuilder()
        .setDate(date)
        .setPc4(pc4)
        .setLevel(level)
        .setHour(null)
        .setActivity(null)
        .setSbi(null)
        .setReleased(true)
        .setDelta(null)
        .setDeltaScale(null);
  }

  private static double scale(Level l) {
    return switch (l) {
      case TOTAL -> TOTAL;
      case HOUR -> HOUR;
      case SBI -> SBI;
      case CELL -> CELL;
    };
  }

  /**
   * A released value of a public level; {@code delta} null without a baseline (its scale then null
   * too).
   */
  static ReleasedValue value(
      LocalDate date, int pc4, Level level, Integer hour, String sbi, long hits, Long delta) {
    return base(date, pc4, level)
        .setHour(hour)
        .setSbi(sbi)
        .setHits(hits)
        .setHitsScale(scale(level))
        .setDelta(delta)
        .setDeltaScale(delta == null ? null : scale(level))
        .build();
  }

  /**
   * A CELL: {@code released} false is a cell kept only for its delta (hits 0, scale 0); {@code
   * deltaReleased} false a cell that D-7 did not release (delta 0, scale 0).
   */
  static ReleasedValue cell(
      LocalDate date,
      int pc4,
      int hour,
      int activity,
      String sbi,
      boolean released,
      long hits,
      Long delta,
      boolean deltaReleased) {
    return base(date, pc4, Level.CELL)
        .setHour(hour)
        .setActivity(activity)
        .setSbi(sbi)
        .setReleased(released)
        .setHits(released ? hits : 0)
        .setHitsScale(released ? CELL : 0)
        .setDelta(delta)
        .setDeltaScale(delta == null ? null : deltaReleased ? CELL : 0.0)
        .build();
  }

  /** Writes {@code values} to {@code <warehouse>/release/dt=D/<file>}. */
  static void write(Path warehouse, LocalDate date, String file, List<ReleasedValue> values)
      throws IOException {
    Path dir = Files.createDirectories(warehouse.resolve("release").resolve("dt=" + date));
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(dir.resolve(file).toUri());
    try (ParquetWriter<ReleasedValue> w =
        AvroParquetWriter.<ReleasedValue>builder(out)
            .withSchema(ReleasedValue.getClassSchema())
            .withDataModel(AggregateDataSupplier.model())
            .withConf(new Configuration())
            .build()) {
      for (ReleasedValue v : values) {
        w.write(v);
      }
    }
  }

  /**
   * Writes the date's {@code _release.json} as the release stage does, describing {@code values}.
   */
  static void manifest(Path warehouse, LocalDate date, List<ReleasedValue> values, String digest)
      throws IOException {
    org.apache.hadoop.fs.Path dir =
        new org.apache.hadoop.fs.Path(warehouse.resolve("release").resolve("dt=" + date).toUri());
    PrivacyParams p = PrivacyParams.DEFAULT;
    new ReleaseManifest(
            ReleaseManifest.UNIT,
            p.epsilon().doubleValue(),
            p.delta(),
            ReleaseManifest.levels(p),
            values.size(),
            values.stream().filter(v -> v.getLevel() == Level.CELL && v.getReleased()).count(),
            totalHits(values),
            digest)
        .write(FileSystem.getLocal(new Configuration()), dir);
  }

  static long totalHits(List<ReleasedValue> values) {
    return values.stream()
        .filter(v -> v.getLevel() == Level.TOTAL)
        .mapToLong(ReleasedValue::getHits)
        .sum();
  }

  /** The rows {@code values} must publish to, per pc4 ({@link ReleaseChecks#rowsOf}). */
  static Map<Integer, ReleaseChecks.Row> expectedRows(List<ReleasedValue> values) {
    return ReleaseChecks.rowsOf(values);
  }
}
