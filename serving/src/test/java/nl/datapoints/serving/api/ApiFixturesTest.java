package nl.datapoints.serving.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the wire format of every API body: serialise, compare with the fixture, read back. */
class ApiFixturesTest {
  private static final ObjectMapper MAPPER = Jackson.newObjectMapper();

  private static String fixture(String path) throws java.io.IOException {
    try (java.io.InputStream in =
        ApiFixturesTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("fixture not on the test classpath: " + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static void assertMatchesFixture(Object value, String file) throws Exception {
    String expected = MAPPER.writeValueAsString(MAPPER.readTree(fixture("fixtures/" + file)));
    assertEquals(expected, MAPPER.writeValueAsString(value), file);
    assertEquals(
        value,
        MAPPER.readValue(fixture("fixtures/" + file), value.getClass()),
        file + " read back");
  }

  @Test
  void areaAnswerMatchesTheSpecShape() throws Exception {
    AreaAnswer a =
        new AreaAnswer(
            "1017",
            new AreaAnswer.Center(52.36, 4.89),
            1.0,
            List.of("2013-01-08", "2013-01-09"),
            List.of("2013-01-09"),
            List.of("1016", "1017"),
            new AreaAnswer.Totals(1234, 1100L, 0.1218),
            List.of(
                new AreaAnswer.SbiStat("4711", "Supermarkets", 120, 100L, 0.2),
                new AreaAnswer.SbiStat("56", null, 3, 0L, null)),
            List.of(
                new AreaAnswer.TimelineEntry("2013-01-08", 0, 3, 5L),
                new AreaAnswer.TimelineEntry("2013-01-08", 1, 0, null)),
            List.of(new AreaAnswer.Point("1017", 52.36, 4.89, 80, 70L, 0.1429)),
            Map.of("2013-01-08", 1712345678901L));
    assertMatchesFixture(a, "area-answer.json");
  }

  @Test
  void publishedDate() throws Exception {
    assertMatchesFixture(
        new PublishedDate(
            "2013-01-08",
            1712345678901L,
            "2024-04-05T19:34:38.901Z",
            true,
            1500,
            98765,
            List.of(1712345678901L, 1712000000000L)),
        "published-date.json");
  }

  @Test
  void sbiCode() throws Exception {
    assertMatchesFixture(new SbiCode("4711", "Supermarkets"), "sbi-code.json");
  }

  @Test
  void postcodeInfo() throws Exception {
    assertMatchesFixture(
        new PostcodeInfo("1017", 52.3625, 4.89, "Amsterdam"), "postcode-info.json");
  }

  @Test
  void apiError() throws Exception {
    assertMatchesFixture(
        new ApiError(400, "radius must be between 0 and 25 km, got 26"), "api-error.json");
  }
}
