package nl.datapoints.etl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import nl.datapoints.etl.aggregate.AggregateConfig;
import nl.datapoints.etl.common.Layout;
import nl.datapoints.etl.release.PrivacyParams;
import nl.datapoints.etl.run.PipelineConfig;
import nl.datapoints.schemas.StoreLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The options every run command shares, turned once into a validated {@link PipelineConfig} before
 * anything runs (driver side); a bad value is a {@link UsageException} (exit 2).
 */
final class RunOptions {
  private RunOptions() {}

  /** The help lines of these options, with defaults and bounds. */
  static String usage() {
    return "  --raw DIR (var/raw) --ref DIR (var/ref) --warehouse DIR (var/warehouse)\n"
        + "  --min-users K ("
        + PipelineConfig.DEFAULT_MIN_USERS
        + ", "
        + AggregateConfig.MIN_USERS_RANGE
        + ")"
        + " --max-bad-fraction F ("
        + PipelineConfig.DEFAULT_MAX_BAD_FRACTION
        + ", "
        + PipelineConfig.MAX_BAD_FRACTION_RANGE
        + ") --hmac-key-file FILE --skip-corrupt-files\n"
        + "  --zookeeper HOST:PORT --table NAME ("
        + StoreLayout.DEFAULT_TABLE
        + ")\n"
        + "release options (differential privacy, docs/privacy.md):\n"
        + "  --release-key-file FILE --epsilon E ("
        + D.epsilon().toPlainString()
        + ", "
        + PrivacyParams.MIN_EPSILON
        + ".."
        + PrivacyParams.MAX_EPSILON
        + ", per date) --delta D ("
        + D.delta()
        + ")\n"
        + "  --epsilon-split "
        + split(D)
        + "\n"
        + "  --max-events N ("
        + D.maxEvents()
        + ", per user-day, 1.."
        + PrivacyParams.MAX_BOUND
        + ")"
        + " --max-cells "
        + levels(D.maxCells())
        + " --max-hits "
        + levels(D.maxHits())
        + "\n";
  }

  private static final PrivacyParams D = PrivacyParams.DEFAULT;

  private static String split(PrivacyParams p) {
    StringBuilder b = new StringBuilder();
    p.split().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(
            e ->
                b.append(b.length() == 0 ? "" : ",")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue().toPlainString()));
    return b.toString();
  }

  private static String levels(java.util.Map<nl.datapoints.schemas.Level, Integer> m) {
    StringBuilder b = new StringBuilder();
    m.forEach(
        (l, v) ->
            b.append(b.length() == 0 ? "" : ",")
                .append(l.name().toLowerCase())
                .append('=')
                .append(v));
    return b.toString();
  }

  /** The privacy parameters of the release options; every bound is {@link PrivacyParams}'s. */
  static PrivacyParams privacy(Args a) {
    try {
      BigDecimal epsilon = a.string("epsilon").map(v -> decimal("epsilon", v)).orElse(D.epsilon());
      double delta =
          a.string("delta").map(v -> decimal("delta", v).doubleValue()).orElse(D.delta());
      int maxEvents = a.string("max-events").map(v -> whole("max-events", v)).orElse(D.maxEvents());
      return new PrivacyParams(
          epsilon,
          a.string("epsilon-split").map(PrivacyParams::splitOf).orElse(D.split()),
          delta,
          maxEvents,
          a.string("max-cells")
              .map(v -> merged(D.maxCells(), PrivacyParams.perLevel(v, "--max-cells")))
              .orElse(D.maxCells()),
          a.string("max-hits")
              .map(v -> merged(D.maxHits(), PrivacyParams.perLevel(v, "--max-hits")))
              .orElse(D.maxHits()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The defaults with the levels a user named replaced: {@code --max-cells cell=1} keeps the rest.
   */
  private static java.util.Map<nl.datapoints.schemas.Level, Integer> merged(
      java.util.Map<nl.datapoints.schemas.Level, Integer> defaults,
      java.util.Map<nl.datapoints.schemas.Level, Integer> given) {
    java.util.Map<nl.datapoints.schemas.Level, Integer> out = new java.util.EnumMap<>(defaults);
    out.putAll(given);
    return out;
  }

  private static BigDecimal decimal(String option, String v) {
    try {
      return new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + option + " must be a decimal number, got '" + v + "'");
    }
  }

  private static int whole(String option, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + option + " must be a whole number, got '" + v + "'");
    }
  }

  static PipelineConfig parse(Args a, Configuration conf) {
    Layout layout =
        new Layout(
            qualified(conf, a.string("raw", "var/raw")),
            qualified(conf, a.string("ref", "var/ref")),
            qualified(conf, a.string("warehouse", "var/warehouse")));
    int minUsers = a.intValue(AggregateConfig.MIN_USERS_RANGE, PipelineConfig.DEFAULT_MIN_USERS);
    double maxBadFraction =
        a.fraction(PipelineConfig.MAX_BAD_FRACTION_RANGE, PipelineConfig.DEFAULT_MAX_BAD_FRACTION);
    try {
      return new PipelineConfig(
          layout,
          minUsers,
          maxBadFraction,
          a.path("hmac-key-file"),
          a.flag("skip-corrupt-files"),
          a.string("zookeeper"),
          a.string("table", StoreLayout.DEFAULT_TABLE),
          a.path("release-key-file"),
          privacy(a));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A path made absolute against the default file system (local dirs resolve against the cwd). */
  private static Path qualified(Configuration conf, String p) {
    try {
      Path path = new Path(p);
      return path.getFileSystem(conf).makeQualified(path);
    } catch (IOException e) {
      throw new UncheckedIOException("resolving " + p, e);
    }
  }
}
