package nl.datapoints.serving.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.datapoints.schemas.Generation;
import nl.datapoints.serving.api.AreaAnswer.Privacy;
import org.junit.jupiter.api.Test;

class GuaranteeTest {
  private static Generation gen(long id, double epsilon, double delta) {
    return new Generation(id, id, false, 1, 1, epsilon, delta);
  }

  @Test
  void statesTheLargestPerDayGuaranteeAndTheSumOfEpsilonOverTheDates() {
    assertEquals(
        new Privacy("user-day", 1.0, 1e-7, 2.5),
        Guarantee.of(List.of(gen(1, 1.0, 1e-8), gen(2, 0.5, 1e-7), gen(3, 1.0, 1e-8))));
  }

  @Test
  void sumsEpsilonInDecimal() {
    List<Generation> week =
        List.of(
            gen(1, 0.1, 1e-8),
            gen(2, 0.1, 1e-8),
            gen(3, 0.1, 1e-8),
            gen(4, 0.1, 1e-8),
            gen(5, 0.1, 1e-8),
            gen(6, 0.1, 1e-8),
            gen(7, 0.1, 1e-8));
    assertEquals(0.7, Guarantee.of(week).epsilonOverDates(), "not 0.7000000000000001");
  }

  @Test
  void promisesNothingWhenNothingWasReadOrADateRecordsNoGuarantee() {
    Privacy none = new Privacy("user-day", null, null, null);
    assertEquals(none, Guarantee.of(List.of()));
    assertEquals(none, Guarantee.of(List.of(gen(1, 1.0, 1e-8), new Generation(2, 2, false, 1, 1))));
  }
}
