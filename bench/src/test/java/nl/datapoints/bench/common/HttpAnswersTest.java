package nl.datapoints.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpAnswersTest {
  @Test
  void anOkAnswerIsItsBody() throws IOException {
    byte[] body = "{\"totals\":{}}".getBytes(StandardCharsets.UTF_8);
    assertSame(body, HttpAnswers.requireOk(200, "/api/1012/2013-01-08/3.0", body));
  }

  @Test
  void anyOtherStatusFailsWithThePathAndTheServicesMessage() {
    byte[] body =
        "{\"code\":503,\"message\":\"HBase did not answer\"}".getBytes(StandardCharsets.UTF_8);
    IOException e =
        assertThrows(
            IOException.class, () -> HttpAnswers.requireOk(503, "/api/1012/2013-01-08/3.0", body));
    assertEquals(
        "HTTP 503 for /api/1012/2013-01-08/3.0: {\"code\":503,\"message\":\"HBase did not answer\"}",
        e.getMessage());
    assertThrows(IOException.class, () -> HttpAnswers.requireOk(204, "/api/dates", new byte[0]));
  }
}
