package nl.datapoints.serving.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire format of every API body: serialise with the service's mapper, compare with the
 * fixture and with Jackson's own bean serialisation of the same value, read back.
 */
class ApiFixturesTest {
  private static final ObjectMapper MAPPER = ApiJson.configure(Jackson.newObjectMapper());
  private static final ObjectMapper BEANS = Jackson.newObjectMapper();

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
        BEANS.writeValueAsString(value), MAPPER.writeValueAsString(value), file + " beans");
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
            new AreaAnswer.Totals(1234, 21, 1100L, 20L, 0.1218, null),
            List.of(
                new AreaAnswer.SbiStat("4711", "Supermarkets", 120, 9, 100L, 9L, 0.2, null),
                new AreaAnswer.SbiStat("56", null, 3, 9, 0L, 9L, null, null)),
            List.of(
                new AreaAnswer.TimelineEntry("2013-01-08", 0, 3, 5, 5L, 5L, null),
                new AreaAnswer.TimelineEntry("2013-01-08", 1, 0, 5, 0L, 5L, null)),
            List.of(new AreaAnswer.Point("1017", 52.36, 4.89, 80, 3, 70L, 3L, 0.1429, null)),
            Map.of("2013-01-08", 1712345678901L),
            new AreaAnswer.Privacy("user-day", 1.0, 1e-8, 1.0),
            new AreaAnswer.Levels("total", "total", "hour", "sbi"));
    assertMatchesFixture(a, "area-answer.json");
  }

  @Test
  void areaAnswerWithoutBaselineSaysWhy() throws Exception {
    AreaAnswer a =
        new AreaAnswer(
            "1017",
            new AreaAnswer.Center(52.36, 4.89),
            2.5,
            List.of("2013-01-01"),
            List.of(),
            List.of("1017"),
            new AreaAnswer.Totals(0, 4, null, null, null, "baseline_missing"),
            List.of(
                new AreaAnswer.SbiStat(
                    "4711", "Supermarkets", 0, 4, null, null, null, "baseline_missing")),
            List.of(
                new AreaAnswer.TimelineEntry(
                    "2013-01-01", 0, 0, 0, null, null, "baseline_missing")),
            List.of(
                new AreaAnswer.Point(
                    "1017", 52.36, 4.89, 0, 4, null, null, null, "baseline_missing")),
            Map.of("2013-01-01", 1712345678901L),
            new AreaAnswer.Privacy("user-day", 1.0, 1e-8, 1.0),
            new AreaAnswer.Levels("cell", "cell", "cell", "cell"));
    assertMatchesFixture(a, "area-answer-no-baseline.json");
  }

  @Test
  void areaAnswerOverUnpublishedDates() throws Exception {
    AreaAnswer a =
        new AreaAnswer(
            "1017",
            new AreaAnswer.Center(52.36, 4.89),
            1.0,
            List.of("2013-02-01"),
            List.of("2013-02-01"),
            List.of("1017"),
            new AreaAnswer.Totals(0, 0, null, null, null, "not_published"),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            new AreaAnswer.Privacy("user-day", null, null, null),
            new AreaAnswer.Levels("sbi", "sbi", "cell", "sbi"));
    assertMatchesFixture(a, "area-answer-not-published.json");
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
            1.0,
            1e-8,
            List.of(1712345678901L, 1712000000000L)),
        "published-date.json");
  }

  @Test
  void dashboardSettings() throws Exception {
    assertMatchesFixture(new DashboardSettings(0.5), "dashboard-settings.json");
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
