package nl.datapoints.serving;

import static io.dropwizard.testing.ConfigOverride.config;
import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service pointed at a ZooKeeper port nobody listens on: it starts, and answers 503 in time.
 */
class HBaseDownIT {
  private static final int DEAD_PORT = freePort();

  @RegisterExtension
  static final DropwizardAppExtension<DatapointsConfiguration> APP =
      new DropwizardAppExtension<>(
          DatapointsApplication.class,
          resourceFilePath("it-config.yml"),
          config("hbase.zookeeper", "127.0.0.1:" + DEAD_PORT),
          config("referenceDir", resourceFilePath("it-ref")),
          config("cache.enabled", "true"),
          // HBase is down for the whole test: the start-up warm-up would wait its whole budget (20
          // s)
          // on the dead ZooKeeper, since a timeout cannot be told from a slow first connection.
          config("warmup.budget", "2s"));

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer it-key")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answers503WithinTwoSecondsEveryTime() throws Exception {
    for (String path :
        new String[] {"/api/1012/2013-01-08", "/api/1016/2013-01-08;2013-01-09/5", "/api/dates"}) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = get("http://127.0.0.1:" + APP.getLocalPort() + path);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(503, r.statusCode(), path + " " + r.body());
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertEquals(503, body.get("code").asInt());
      assertEquals(
          "the data store is unavailable, try again shortly", body.get("message").asText());
      assertTrue(ms < 2_000, path + " took " + ms + " ms");
    }
  }

  @Test
  void stillAnswersWhatNeedsNoStore() throws Exception {
    assertEquals(200, get("http://127.0.0.1:" + APP.getLocalPort() + "/api/sbi").statusCode());
    assertEquals(
        404, get("http://127.0.0.1:" + APP.getLocalPort() + "/api/9999/2013-01-08").statusCode());
    HttpResponse<String> page = get("http://127.0.0.1:" + APP.getLocalPort() + "/");
    assertEquals(200, page.statusCode());
    assertTrue(
        page.body().contains("<title>datapoints"),
        "the dashboard page is served while HBase is down");
  }

  @Test
  void healthCheckReportsHBaseUnreachable() throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = get("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck");
    assertEquals(500, r.statusCode());
    JsonNode h = new ObjectMapper().readTree(r.body());
    assertEquals(false, h.get("hbase").get("healthy").asBoolean());
    assertEquals(false, h.get("freshness").get("healthy").asBoolean());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
  }
}
