package nl.datapoints.bench.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What the benchmark clients make of the service's HTTP answers, whichever client read them. */
public final class HttpAnswers {
  private HttpAnswers() {}

  /**
   * Returns {@code body} when {@code status} is 200; otherwise fails with the status, the path and
   * the service's own message (its JSON error body), so a failed run says why.
   */
  public static byte[] requireOk(int status, String path, byte[] body) throws IOException {
    if (status != 200) {
      throw new IOException(
          "HTTP " + status + " for " + path + ": " + new String(body, StandardCharsets.UTF_8));
    }
    return body;
  }
}
