package nl.datapoints.serving.reliability;

import static io.dropwizard.testing.ConfigOverride.config;
import static io.dropwizard.testing.ResourceHelpers.resourceFilePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.datapoints.serving.DatapointsApplication;
import nl.datapoints.serving.DatapointsConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile requests against the real application over HTTP (Jetty, Jersey, our filters and mappers),
 * with HBase pointed at a dead port: every malformed request must be refused before the store is
 * asked, with a JSON {@code {code, message}} body, never a 500 or 503, never a stack trace, never a
 * huge echo of the input. Requests are written as raw HTTP/1.1 on a socket so the client library
 * cannot normalise or refuse them first.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileInputIT {
  private static final String KEY = "it-key";

  static final DropwizardAppExtension<DatapointsConfiguration> APP =
      new DropwizardAppExtension<>(
          DatapointsApplication.class,
          resourceFilePath("it-config.yml"),
          config("hbase.zookeeper", "127.0.0.1:" + deadPort()),
          config("referenceDir", resourceFilePath("it-ref")),
          // HBase is down for the whole test: the start-up warm-up would wait its whole budget (20
          // s)
          // on the dead ZooKeeper, since a timeout cannot be told from a slow first connection.
          config("warmup.budget", "2s"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private static int deadPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A raw request: target as sent on the request line, extra headers; the statuses allowed. */
  record Case(
      String name,
      String target,
      Map<String, String> headers,
      Set<Integer> status,
      boolean byJetty) {
    Case(String name, String target, Map<String, String> headers, Set<Integer> status) {
      this(name, target, headers, status, false);
    }
  }

  /**
   * A request Jetty itself refuses before the application sees it (ambiguous encoded slash, `..;`
   * dot segments with path parameters, encoded NUL, URI over 8 KB). The server-level {@code
   * JsonErrorHandler} answers these in the same JSON {code,message} shape as the application
   * (docs/api.md §4), with the reason phrase only.
   */
  private static Case jetty(
      String name, String target, Map<String, String> headers, Set<Integer> status) {
    return new Case(name, target, headers, status, true);
  }

  private static Case bad(String name, String target) {
    return new Case(name, target, Map.of("X-Api-Key", KEY), Set.of(400));
  }

  private static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(
        jetty(
            "path traversal with encoded slashes",
            "/api/..%2F..%2Fetc%2Fpasswd/2013-01-08",
            Map.of("X-Api-Key", KEY),
            Set.of(400)));
    c.add(
        jetty(
            "path traversal in the dates",
            "/api/1012/..%2F..%2Fetc%2Fpasswd",
            Map.of("X-Api-Key", KEY),
            Set.of(400)));
    c.add(
        jetty(
            "path traversal with dot segments and path parameters",
            "/api/1012/..;..;etc;passwd",
            Map.of("X-Api-Key", KEY),
            Set.of(400)));
    c.add(bad("dots as dates", "/api/1012/....%3B...."));
    c.add(
        jetty(
            "a 10 KB postcode segment",
            "/api/" + "1".repeat(10_000) + "/2013-01-08",
            Map.of("X-Api-Key", KEY),
            Set.of(400, 414)));
    c.add(bad("a 4 KB date list segment", "/api/1012/" + "2013-01-08x".repeat(400)));
    c.add(bad("Arabic-Indic digits as postcode", "/api/%D9%A1%D9%A0%D9%A1%D9%A7/2013-01-08"));
    c.add(bad("Arabic-Indic digits in a date", "/api/1012/%D9%A2%D9%A0%D9%A1%D9%A3-01-08"));
    c.add(
        bad(
            "fullwidth digits as postcode",
            "/api/%EF%BC%91%EF%BC%90%EF%BC%91%EF%BC%92/2013-01-08"));
    c.add(bad("negative radius", "/api/1012/2013-01-08/-1"));
    c.add(bad("NaN radius", "/api/1012/2013-01-08/NaN"));
    c.add(bad("Infinity radius", "/api/1012/2013-01-08/Infinity"));
    c.add(bad("huge radius", "/api/1012/2013-01-08/1000000"));
    c.add(bad("1e309 radius", "/api/1012/2013-01-08/1e309"));
    c.add(bad("hex float radius", "/api/1012/2013-01-08/0x1p3"));
    c.add(bad("radius with a unit", "/api/1012/2013-01-08/5km"));
    c.add(bad("a 2 KB radius", "/api/1012/2013-01-08/" + "9".repeat(2000)));
    StringBuilder many = new StringBuilder();
    LocalDate d = LocalDate.of(2000, 1, 1);
    for (int i = 0; i < 10_000; i++) {
      many.append(i == 0 ? "" : ",").append(d.plusDays(i));
    }
    c.add(jetty("10,000 dates", "/api/1012/" + many, Map.of("X-Api-Key", KEY), Set.of(400, 414)));
    c.add(bad("32 dates (one more than maxDates)", "/api/1012/" + many.substring(0, 32 * 11 - 1)));
    c.add(bad("SQL in the postcode", "/api/1012'%20OR%20'1'='1/2013-01-08"));
    c.add(bad("SQL in the dates", "/api/1012/2013-01-08;DROP%20TABLE%20datapoints"));
    c.add(bad("SQL in an sbi filter", "/api/1012/2013-01-08?sbi=4711'%20OR%201=1--"));
    c.add(bad("malformed sbi filter", "/api/1012/2013-01-08?sbi=47a1"));
    c.add(bad("empty sbi filter", "/api/1012/2013-01-08?sbi="));
    c.add(bad("repeated sbi filters, one bad", "/api/1012/2013-01-08?sbi=4711&sbi=56&sbi=x"));
    c.add(bad("malformed activity filter", "/api/1012/2013-01-08?activity=-1"));
    c.add(bad("activity out of range", "/api/1012/2013-01-08?activity=65536"));
    c.add(bad("activity overflow", "/api/1012/2013-01-08?activity=99999999999999999999"));
    c.add(
        bad(
            "repeated activity filters, one bad",
            "/api/1012/2013-01-08?activity=1&activity=2&activity=one"));
    c.add(bad("empty date segment", "/api/1012/%20"));
    c.add(bad("empty dates in a list", "/api/1012/2013-01-08,,2013-01-09"));
    c.add(bad("impossible date", "/api/1012/2013-02-30"));
    c.add(
        jetty(
            "NUL in the postcode",
            "/api/1012%00/2013-01-08",
            Map.of("X-Api-Key", KEY),
            Set.of(400)));
    c.add(
        jetty(
            "NUL in the dates", "/api/1012/2013-01-08%00", Map.of("X-Api-Key", KEY), Set.of(400)));
    c.add(bad("PC6 with two spaces", "/api/1012%20%20AB/2013-01-08"));
    c.add(bad("postcode starting with 0", "/api/0123/2013-01-08"));
    c.add(
        new Case("no key when keys are configured", "/api/1012/2013-01-08", Map.of(), Set.of(401)));
    c.add(
        new Case(
            "wrong key as Bearer",
            "/api/1012/2013-01-08",
            Map.of("Authorization", "Bearer it-kez"),
            Set.of(401)));
    c.add(
        new Case("wrong key as X-Api-Key", "/api/sbi", Map.of("X-Api-Key", "it-ke"), Set.of(401)));
    c.add(
        new Case(
            "the key's SHA-256 itself is not a key",
            "/api/sbi",
            Map.of("X-Api-Key", "1ce48051b5830d59881cbf51500faa5f5e9d446050458f760bc96cda647be67e"),
            Set.of(401)));
    c.add(
        new Case(
            "Basic auth is not a key",
            "/api/sbi",
            Map.of("Authorization", "Basic aXQta2V5"),
            Set.of(401)));
    c.add(new Case("empty Bearer", "/api/sbi", Map.of("Authorization", "Bearer "), Set.of(401)));
    c.add(
        new Case(
            "a 4 KB wrong key", "/api/sbi", Map.of("X-Api-Key", "k".repeat(4096)), Set.of(401)));
    c.add(
        jetty(
            "hostile input without a key is refused by Jetty first",
            "/api/..%2F..%2Fetc%2Fpasswd/x",
            Map.of(),
            Set.of(400, 401)));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> hostileRequestsGetAJsonErrorNever500() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name,
                    () -> {
                      Answer a = send(c.target, c.headers);
                      assertTrue(
                          c.status.contains(a.status),
                          c.name + ": status " + a.status + " " + a.head + "\n" + a.body);
                      assertTrue(
                          a.body.length() < 1024,
                          c.name + ": body of " + a.body.length() + " chars echoes the input");
                      for (String leak :
                          List.of("Exception", "\tat ", "at nl.", "at org.", "java.", "jakarta.")) {
                        assertFalse(
                            a.body.contains(leak),
                            c.name + ": body contains '" + leak + "': " + a.body);
                      }
                      assertTrue(
                          a.head.toLowerCase().contains("content-type: application/json"),
                          c.name + ": " + a.head);
                      JsonNode body = JSON.readTree(a.body);
                      assertEquals(a.status, body.get("code").asInt(), a.body);
                      assertTrue(
                          body.get("message").isTextual()
                              && !body.get("message").asText().isBlank(),
                          a.body);
                      assertEquals(2, body.size(), "only code and message: " + a.body);
                      assertFalse(a.body.contains(KEY + "\""), a.body);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theRightKeyIsAcceptedInEitherHeader() {
    return Stream.of(
            Map.of("Authorization", "Bearer " + KEY),
            Map.of("Authorization", "bearer " + KEY),
            Map.of("X-Api-Key", KEY))
        .map(
            h ->
                DynamicTest.dynamicTest(
                    h.toString(),
                    () -> {
                      Answer a = send("/api/sbi", h);
                      assertEquals(200, a.status, a.body);
                      assertTrue(a.body.contains("\"sbi\""), a.body);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> answersNeverHoldAPc6() {
    return Stream.of("/api/postcodes/1016AB", "/api/postcodes/1016%20ab")
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p,
                    () -> {
                      Answer a = send(p, Map.of("X-Api-Key", KEY));
                      assertEquals(200, a.status, a.body);
                      assertEquals("1016", JSON.readTree(a.body).get("postcode").asText(), a.body);
                      assertFalse(a.body.toUpperCase().replace(" ", "").contains("1016AB"), a.body);
                    }));
  }

  private record Answer(int status, String head, String body) {}

  /** One raw HTTP/1.1 request on a fresh connection; the answer is read to the end. */
  private static Answer send(String target, Map<String, String> headers) throws IOException {
    try (Socket s = new Socket("127.0.0.1", APP.getLocalPort())) {
      s.setSoTimeout(10_000);
      StringBuilder req =
          new StringBuilder(
              "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      String head = split < 0 ? all : all.substring(0, split);
      String body = split < 0 ? "" : all.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      int status = Integer.parseInt(head.substring(9, 12));
      return new Answer(status, head, body);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < chunked.length()) {
      int eol = chunked.indexOf("\r\n", i);
      int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
