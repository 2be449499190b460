package nl.datapoints.serving.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.datapoints.serving.MiniHBase;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An HBase mini-cluster filled by the real pipeline: generates sample logs and runs {@code
 * nl.datapoints.etl.Main} (enrich, aggregate, release, publish) as a separate JVM from the etl
 * module's build, exactly as {@code scripts/etl} would, against this cluster's ZooKeeper. The
 * service under test then reads what the pipeline published. Registered before the app.
 */
final class PublishedSample implements BeforeAllCallback, AfterAllCallback {
  static final String TABLE = "datapoints_e2e";
  private static final String KEY_HEX =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final String RELEASE_KEY_HEX =
      "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

  private final String from;
  private final int days;
  private final int eventsPerDay;
  private HBaseTestingUtility util;
  private Path dir;

  /** Runs between generating and the pipeline, e.g. to plant a user's lines in the raw logs. */
  private java.util.function.Consumer<PublishedSample> heavy;

  PublishedSample(String from, int days, int eventsPerDay) {
    this.from = from;
    this.days = days;
    this.eventsPerDay = eventsPerDay;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("datapoints-e2e");
    Files.writeString(dir.resolve("hmac.key"), KEY_HEX);
    Files.writeString(dir.resolve("release.key"), RELEASE_KEY_HEX);
    util = MiniHBase.startCluster();
    etl(
        "generate",
        "--out",
        dir.toString(),
        "--from",
        from,
        "--days",
        Integer.toString(days),
        "--events-per-day",
        Integer.toString(eventsPerDay),
        "--seed",
        "11",
        "--bad-fraction",
        "0.002");
    String to = java.time.LocalDate.parse(from).plusDays(days - 1L).toString();
    if (heavy != null) {
      heavy.accept(this);
    }
    etl(pipeline("backfill", "--from", from, "--to", to));
  }

  /** Runs {@code plant} on the generated raw logs before the pipeline reads them. */
  PublishedSample beforePipeline(java.util.function.Consumer<PublishedSample> plant) {
    this.heavy = plant;
    return this;
  }

  /** Options every pipeline command of this sample takes. */
  String[] pipeline(String... words) {
    List<String> a = new ArrayList<>(List.of(words));
    a.addAll(
        List.of(
            "--raw",
            dir.resolve("raw").toString(),
            "--ref",
            ref().toString(),
            "--warehouse",
            dir.resolve("warehouse").toString(),
            "--hmac-key-file",
            dir.resolve("hmac.key").toString(),
            "--release-key-file",
            dir.resolve("release.key").toString(),
            "--zookeeper",
            quorum(),
            "--table",
            TABLE));
    return a.toArray(String[]::new);
  }

  /** Runs the pipeline's command line in its own JVM; returns stdout, fails on a non-zero exit. */
  String etl(String... args) throws IOException, InterruptedException {
    Path etlTarget = Path.of("..", "etl", "target").toAbsolutePath().normalize();
    Path cpFile = etlTarget.resolve("classpath.txt");
    File jar;
    try (Stream<Path> s = Files.list(etlTarget)) {
      jar =
          s.filter(
                  p -> p.getFileName().toString().matches("datapoints-etl-[^-]+(-SNAPSHOT)?\\.jar"))
              .findFirst()
              .map(Path::toFile)
              .orElse(null);
    }
    assertTrue(
        jar != null && Files.exists(cpFile),
        "the etl module must be packaged first (mvn -pl etl -am package): " + etlTarget);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.nio=ALL-UNNAMED",
                "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.util=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-exports",
                "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-Xmx1g",
                "-cp",
                jar + File.pathSeparator + Files.readString(cpFile).trim(),
                "nl.datapoints.etl.Main"));
    cmd.addAll(List.of(args));
    Path log = dir.resolve("etl-" + args[0] + "-" + System.nanoTime() + ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(8, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("etl " + args[0] + " did not finish in 8 minutes; log " + log);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "etl " + String.join(" ", args) + " failed:\n" + out);
    return out;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (util != null) {
      util.shutdownMiniCluster();
    }
  }

  String quorum() {
    return "127.0.0.1:" + util.getZkCluster().getClientPort();
  }

  Path ref() {
    return dir.resolve("ref");
  }

  Path raw() {
    return dir.resolve("raw");
  }

  Path warehouse() {
    return dir.resolve("warehouse");
  }
}
