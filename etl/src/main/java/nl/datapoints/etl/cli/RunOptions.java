package nl.datapoints.etl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import nl.datapoints.etl.aggregate.AggregateConfig;
import nl.datapoints.etl.common.Layout;
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
        + ")\n";
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
          a.string("table", StoreLayout.DEFAULT_TABLE));
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
