package nl.datapoints.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceAnswerTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  private static String answer(String missing, int hours) {
    StringBuilder tl = new StringBuilder();
    for (int h = 0; h < hours; h++) {
      tl.append(h == 0 ? "" : ",")
          .append("{\"date\":\"2013-01-08\",\"hour\":")
          .append(h)
          .append(",\"hits\":")
          .append(h == 9 ? 40 : 0)
          .append(",\"hits_moe\":19,\"delta\":0,\"delta_moe\":0,\"delta_reason\":null}");
    }
    return "{\"postcode\":\"1017\",\"dates\":[\"2013-01-08\"],\"missing_dates\":"
        + missing
        + ",\"postcodes\":[\"1012\",\"1017\"],"
        + "\"totals\":{\"total\":522,\"total_moe\":8,\"delta\":496,\"delta_moe\":4},"
        + "\"stats\":[{\"sbi\":\"56\",\"label\":\"Restaurants\",\"total\":222,\"total_moe\":16},"
        + "{\"sbi\":\"4711\",\"label\":null,\"total\":0,\"total_moe\":60}],"
        + "\"timeline\":["
        + tl
        + "],"
        + "\"points\":[{\"postcode\":\"1012\",\"hits\":53,\"hits_moe\":3}]}";
  }

  @Test
  void readsShownValuesAndMargins() throws Exception {
    ServiceAnswer a =
        ServiceAnswer.parse(new ObjectMapper().readTree(answer("[]", 24)), List.of(D));
    assertArrayEquals(new int[] {1012, 1017}, a.postcodes());
    assertEquals(522, a.figures().total());
    assertEquals(new ServiceAnswer.Figure(522, 8), a.total());
    assertEquals(Map.of("56", 222L), a.figures().bySbi()); // a shown 0 is no hit
    assertEquals(2, a.stats().size());
    assertEquals(List.of(new ServiceAnswer.Figure(53, 3)), a.points());
    assertEquals(24, a.hours().size());
    assertEquals(40, a.figures().timeline()[9]);
  }

  @Test
  void refusesAnUnpublishedDateOrAShortTimeline() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThrows(
        IllegalStateException.class,
        () -> ServiceAnswer.parse(json.readTree(answer("[\"2013-01-08\"]", 24)), List.of(D)));
    assertThrows(
        IllegalStateException.class,
        () -> ServiceAnswer.parse(json.readTree(answer("[]", 23)), List.of(D)));
  }
}
