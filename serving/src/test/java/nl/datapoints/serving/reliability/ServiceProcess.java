package nl.datapoints.serving.reliability;

import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import nl.datapoints.serving.DatapointsApplication;

/**
 * The real service in a JVM of its own, started as {@code scripts/serve} starts it (Java 17 flags,
 * {@code server CONFIG}, {@code -Ddw.*} overrides) with {@code it-config.yml}: a cold JVM for
 * start-up tests, and a thread count (its {@code /metrics}) that is the service's alone, not mixed
 * with the mini-cluster's. Output goes to a log file; {@link #close()} stops it by its pid
 * (SIGTERM, then SIGKILL after 20 s).
 */
final class ServiceProcess implements AutoCloseable {
  private static final HttpClient ADMIN_HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Process process;
  private final int appPort;
  private final int adminPort;
  private final Path log;

  private ServiceProcess(Process process, int appPort, int adminPort, Path log) {
    this.process = process;
    this.appPort = appPort;
    this.adminPort = adminPort;
    this.log = log;
  }

  /**
   * Starts the service and returns as soon as it answers HTTP on its application port (Jetty starts
   * its connectors after every managed object, the warm-up included).
   *
   * @param overrides configuration overrides ({@code hbase.zookeeper} → value), as {@code -Ddw.}
   *     properties
   */
  static ServiceProcess start(Path log, Map<String, String> overrides)
      throws IOException, InterruptedException {
    ServiceProcess s = launch(log, overrides);
    Process p = s.process;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!answers(s.appPort, deadline)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        s.close();
        throw new AssertionError(
            "the service did not answer on port "
                + s.appPort
                + " within 120 s (exit "
                + (p.isAlive() ? "none" : p.exitValue())
                + "):\n"
                + s.logTail());
      }
      Thread.sleep(10);
    }
    return s;
  }

  /**
   * Starts the service and waits for it to exit, for start-up failures; returns its exit status.
   *
   * @throws AssertionError when it is still running after {@code timeout} (it is stopped then)
   */
  static int runToExit(Path log, Map<String, String> overrides, Duration timeout)
      throws IOException, InterruptedException {
    ServiceProcess s = launch(log, overrides);
    if (!s.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      s.close();
      throw new AssertionError(
          "the service was still running after " + timeout + ":\n" + s.logTail());
    }
    return s.process.exitValue();
  }

  private static ServiceProcess launch(Path log, Map<String, String> overrides) throws IOException {
    int app = freePort();
    int admin = freePort();
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
                "--add-opens",
                "java.base/java.io=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.net=ALL-UNNAMED",
                "--add-exports",
                "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-Xmx512m",
                "-Xlog:gc:file=" + log.toAbsolutePath() + ".gc:uptime",
                "-Ddw.server.applicationConnectors[0].port=" + app,
                "-Ddw.server.adminConnectors[0].port=" + admin));
    overrides.forEach((k, v) -> cmd.add("-Ddw." + k + "=" + v));
    cmd.addAll(
        List.of(
            "-cp",
            testClasspath(),
            DatapointsApplication.class.getName(),
            "server",
            resourceFilePath("it-config.yml")));
    Files.createDirectories(log.getParent());
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // Not left running if the test JVM is stopped before close() (a killed build, a timeout).
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "stop-service-" + p.pid()));
    return new ServiceProcess(p, app, admin, log);
  }

  /**
   * The classpath this test runs with (surefire/failsafe put the test classpath in
   * java.class.path).
   */
  private static String testClasspath() {
    String cp = System.getProperty("java.class.path");
    if (!cp.contains("classes")) {
      throw new AssertionError("java.class.path does not look like the test classpath: " + cp);
    }
    return cp;
  }

  /**
   * Sends {@code GET /api/sbi} (needs no HBase) and waits for the first byte of the answer: true
   * once Jetty's connectors have started. Jetty binds the ports before it starts the managed
   * objects, so a connection made during the warm-up is accepted by the kernel and its request
   * waits in the backlog; one such request is kept waiting (not one per poll, which would leave
   * dozens queued to be served at the very moment the test starts).
   */
  private static boolean answers(int port, long deadlineNanos) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      s.setSoTimeout(
          (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
      s.getOutputStream()
          .write(
              "GET /api/sbi HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      return s.getInputStream().read() >= 0;
    } catch (IOException e) {
      return false; // not bound yet, or the service died (the caller checks)
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String app() {
    return "http://127.0.0.1:" + appPort;
  }

  String admin() {
    return "http://127.0.0.1:" + adminPort;
  }

  /** A GET on the admin port ({@code /healthcheck}, {@code /metrics}). */
  HttpResponse<String> adminGet(String path) throws IOException, InterruptedException {
    return ADMIN_HTTP.send(
        HttpRequest.newBuilder(URI.create(admin() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The service's threads by name pattern (digits and hex ids as {@code #}), from the admin thread
   * dump: which pools hold how many threads.
   */
  Map<String, Integer> threadsByName() throws IOException, InterruptedException {
    Map<String, Integer> out = new TreeMap<>();
    for (String line : adminGet("/threads").body().split("\n")) {
      if (line.startsWith("\"")) {
        String name = line.substring(1, Math.max(1, line.indexOf('"', 1)));
        int dash = name.indexOf(" - ");
        name = (dash > 0 ? name.substring(0, dash) : name).replaceAll("0x[0-9a-f]+|[0-9]+", "#");
        out.merge(name, 1, Integer::sum);
      }
    }
    return out;
  }

  long pid() {
    return process.pid();
  }

  /** The last 60 lines of the service's output, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The service's output so far. */
  String logText() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "service pid " + pid() + " on " + app() + ", log " + log;
  }
}
