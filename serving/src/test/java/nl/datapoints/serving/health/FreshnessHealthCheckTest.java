package nl.datapoints.serving.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.datapoints.schemas.Generation;
import nl.datapoints.serving.core.CellStore;
import nl.datapoints.serving.core.PublishedDates;
import nl.datapoints.serving.core.RowSink;
import org.junit.jupiter.api.Test;

class FreshnessHealthCheckTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2013-01-10T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));

  private static CellStore storeWith(LocalDate... dates) {
    Map<LocalDate, Generation> m = new java.util.HashMap<>();
    for (LocalDate d : dates) {
      m.put(d, new Generation(1, 1, false, 0, 0));
    }
    PublishedDates p = new PublishedDates(m, Map.of());
    return new CellStore() {
      @Override
      public PublishedDates published() {
        return p;
      }

      @Override
      public void read(List<DatedGeneration> dates, int[] pc4s, Blocks blocks, RowSink sink) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void healthyWhenTheNewestDateIsWithinFreshnessDays() {
    var r =
        new FreshnessHealthCheck(
                storeWith(LocalDate.parse("2013-01-01"), LocalDate.parse("2013-01-08")), 2, NOW)
            .execute();
    assertTrue(r.isHealthy(), r.getMessage());
    assertEquals("freshest published date 2013-01-08", r.getMessage());
  }

  @Test
  void unhealthyWhenTooOldOrNothingPublished() {
    assertFalse(
        new FreshnessHealthCheck(storeWith(LocalDate.parse("2013-01-07")), 2, NOW)
            .execute()
            .isHealthy());
    assertFalse(new FreshnessHealthCheck(storeWith(), 2, NOW).execute().isHealthy());
  }
}
