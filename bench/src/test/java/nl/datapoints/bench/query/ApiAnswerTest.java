package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiAnswerTest {
  /** The service's answer shape (docs/api.md), trimmed to what the check compares. */
  private static final String JSON =
      """
      {"postcodes": ["1017", "1012"],
       "totals": {"total": 30, "delta": -4},
       "stats": [{"sbi": "4711", "label": "Supermarkets", "total": 20, "delta": -5},
                 {"sbi": "5610", "label": "Restaurants", "total": 10, "delta": 1}],
       "timeline": [{"date": "2013-01-08", "hour": 0, "hits": 0, "delta": 0},
                    {"date": "2013-01-08", "hour": 12, "hits": 30, "delta": -4}],
       "points": [{"postcode": "1012", "lat": 52.37, "lon": 4.89, "hits": 30, "delta": -4}]}
      """;

  @Test
  void readsTheFourAggregatesAndDropsEmptyHours() throws Exception {
    Answer a = ApiAnswer.of(new ObjectMapper().readTree(JSON));
    Answer expected =
        new Answer(
            List.of(1012, 1017),
            List.of(30L, -4L),
            Map.of("4711", List.of(20L, -5L), "5610", List.of(10L, 1L)),
            Map.of("2013-01-08/12", List.of(30L, -4L)),
            Map.of(1012, List.of(30L, -4L)));
    assertEquals(expected, a);
    assertEquals("area=2 total=30 delta=-4 sbi=2 timeline=1 points=1", a.shape());
  }

  @Test
  void aDifferentNumberAnywhereMakesTheAnswersDifferent() throws Exception {
    Answer a = ApiAnswer.of(new ObjectMapper().readTree(JSON));
    Answer b =
        ApiAnswer.of(
            new ObjectMapper()
                .readTree(
                    JSON.replace("\"total\": 10, \"delta\": 1", "\"total\": 10, \"delta\": 2")));
    assertNotEquals(a, b);
  }
}
