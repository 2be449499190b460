package nl.datapoints.serving.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Client threads that send area queries to the service over HTTP, back to back, until stopped, and
 * record every exchange with its start and end time. A request that gets no answer within {@link
 * #HANG} is recorded as a hang (status -1), as is any I/O error.
 */
final class LoadClients implements AutoCloseable {
  /** Long enough that a slow answer is told apart from no answer. */
  static final Duration HANG = Duration.ofSeconds(10);

  /** One exchange; {@code status} -1 when there was no HTTP answer ({@code error} says why). */
  record Sample(
      long startNanos, long endNanos, String path, int status, String body, String error) {
    long millis() {
      return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
    }

    @Override
    public String toString() {
      return path
          + " → "
          + status
          + " in "
          + millis()
          + " ms"
          + (error != null ? " (" + error + ")" : "")
          + (status != 200 && body != null
              ? " " + body.substring(0, Math.min(200, body.length()))
              : "");
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String key;
  private final List<String> paths;
  private final List<Thread> threads = new ArrayList<>();
  private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
  private volatile boolean running;

  LoadClients(String base, String key, List<String> paths) {
    this.base = base;
    this.key = key;
    this.paths = List.copyOf(paths);
  }

  /** Starts {@code n} client threads, each cycling through the paths from its own offset. */
  void start(int n) {
    running = true;
    for (int t = 0; t < n; t++) {
      int offset = t * 7;
      Thread th =
          new Thread(
              () -> {
                for (int i = offset; running; i++) {
                  samples.add(send(paths.get(i % paths.size())));
                }
              },
              "load-client-" + t);
      th.setDaemon(true);
      th.start();
      threads.add(th);
    }
  }

  /** One request now, recorded like the clients' (not added to {@link #samples()}). */
  Sample send(String path) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("X-Api-Key", key)
            .timeout(HANG)
            .build();
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      return new Sample(t0, System.nanoTime(), path, r.statusCode(), r.body(), null);
    } catch (IOException e) {
      return new Sample(t0, System.nanoTime(), path, -1, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sample(t0, System.nanoTime(), path, -1, null, "interrupted");
    }
  }

  /** Every exchange so far, by start time. */
  List<Sample> samples() {
    List<Sample> out = new ArrayList<>(samples);
    out.sort(Comparator.comparingLong(Sample::startNanos));
    return out;
  }

  /** Stops the clients and waits for their last requests (each ends within {@link #HANG}). */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(HANG.toMillis() + 5_000);
    }
  }
}
