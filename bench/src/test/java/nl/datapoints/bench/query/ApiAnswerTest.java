package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import nl.datapoints.bench.query.Answer.Num;
import org.junit.jupiter.api.Test;

class ApiAnswerTest {
  /** The service's answer shape (docs/api.md §2), trimmed to what the check compares. */
  private static final String JSON =
      """
      {"postcodes": ["1017", "1012"],
       "totals": {"total": 522, "total_moe": 8, "delta": 496, "delta_moe": 4, "percentage": 0.05,
                  "delta_reason": null},
       "stats": [{"sbi": "56", "label": "Restaurants", "total": 222, "total_moe": 16, "delta": 127,
                  "delta_moe": 14, "percentage": 0.7, "delta_reason": null},
                 {"sbi": "4711", "label": null, "total": 0, "total_moe": 16, "delta": 180,
                  "delta_moe": 14, "percentage": null, "delta_reason": null}],
       "timeline": [{"date": "2013-01-08", "hour": 0, "hits": 0, "hits_moe": 0, "delta": 0,
                     "delta_moe": 0, "delta_reason": null},
                    {"date": "2013-01-08", "hour": 1, "hits": 0, "hits_moe": 19, "delta": 0,
                     "delta_moe": 17, "delta_reason": null},
                    {"date": "2013-01-08", "hour": 12, "hits": 38, "hits_moe": 19, "delta": 28,
                     "delta_moe": 17, "delta_reason": null}],
       "points": [{"postcode": "1012", "lat": 52.37, "lon": 4.89, "hits": 53, "hits_moe": 3,
                   "delta": 169, "delta_moe": 2, "percentage": -0.68, "delta_reason": null}]}
      """;

  @Test
  void readsEveryNumberWithItsMarginAndDropsHoursOverWhichNothingWasSummed() throws Exception {
    Answer a = ApiAnswer.of(new ObjectMapper().readTree(JSON));
    Answer expected =
        new Answer(
            List.of(1012, 1017),
            new Num(522, 8, 496L, 4L),
            Map.of("56", new Num(222, 16, 127L, 14L), "4711", new Num(0, 16, 180L, 14L)),
            Map.of(
                "2013-01-08/1",
                new Num(0, 19, 0L, 17L),
                "2013-01-08/12",
                new Num(38, 19, 28L, 17L)),
            Map.of(1012, new Num(53, 3, 169L, 2L)));
    assertEquals(expected, a);
    assertEquals("area=2 total=522±8/496±4 sbi=2 timeline=2 points=1", a.shape());
  }

  @Test
  void aNullDeltaStaysNull() throws Exception {
    String noBaseline =
        JSON.replace(
            "\"total\": 522, \"total_moe\": 8, \"delta\": 496, \"delta_moe\": 4",
            "\"total\": 522, \"total_moe\": 8, \"delta\": null, \"delta_moe\": null");
    Answer a = ApiAnswer.of(new ObjectMapper().readTree(noBaseline));
    assertEquals(new Num(522, 8, null, null), a.totals());
  }

  @Test
  void aDifferentNumberOrMarginAnywhereMakesTheAnswersDifferentAndIsNamed() throws Exception {
    Answer a = ApiAnswer.of(new ObjectMapper().readTree(JSON));
    Answer b =
        ApiAnswer.of(
            new ObjectMapper()
                .readTree(
                    JSON.replace(
                        "\"delta_moe\": 14, \"percentage\": 0.7",
                        "\"delta_moe\": 15, \"percentage\": 0.7")));
    assertNotEquals(a, b);
    assertEquals(" sbi 2 vs 2, 56: 222±16/127±14 vs 222±16/127±15;", a.differences(b));
    Answer c =
        ApiAnswer.of(
            new ObjectMapper().readTree(JSON.replace("\"hits_moe\": 3", "\"hits_moe\": 4")));
    assertTrue(a.differences(c).startsWith(" points 1 vs 1, 1012:"), a.differences(c));
    assertEquals("", a.differences(ApiAnswer.of(new ObjectMapper().readTree(JSON))));
  }
}
