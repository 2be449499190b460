package nl.datapoints.etl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import nl.datapoints.etl.common.RunReport;
import org.junit.jupiter.api.Test;

/** The ε a date has spent: once per distinct release of it, whatever ran in between. */
class PrivacySpentTest {
  private static final Map<String, Map<String, Object>> LEVELS = Map.of();

  private static RunReport report(long generation, String status, String digest, Double epsilon) {
    RunReport.Release release = digest == null ? null : new RunReport.Release(10, 0, 5, digest);
    RunReport.Privacy privacy =
        epsilon == null
            ? null
            : new RunReport.Privacy("user-day", epsilon, 1e-8, epsilon, 1, LEVELS);
    return new RunReport(
        "2013-01-08",
        generation,
        status,
        "",
        0,
        0,
        0,
        Map.of(),
        0,
        true,
        0,
        0,
        0,
        0,
        false,
        List.of(),
        false,
        5,
        "a",
        "b",
        release,
        null,
        privacy);
  }

  @Test
  void theFirstReleaseOfADateSpendsItsEpsilon() {
    RunReport.Privacy p = ReleaseStage.spent(List.of(), "00000000000000aa", 1.0, 1e-8, LEVELS);
    assertEquals(1.0, p.epsilonSpent());
    assertEquals(1, p.releases());
    assertEquals("user-day", p.unit());
  }

  @Test
  void theSameReleaseAgainSpendsNothingMore() {
    List<RunReport> earlier =
        List.of(
            report(1, RunReport.SUCCEEDED, "00000000000000aa", 1.0),
            report(2, RunReport.SUCCEEDED, "00000000000000aa", 1.0));
    RunReport.Privacy p = ReleaseStage.spent(earlier, "00000000000000aa", 1.0, 1e-8, LEVELS);
    assertEquals(1.0, p.epsilonSpent());
    assertEquals(1, p.releases());
  }

  @Test
  void everyOtherReleaseSpendsItsOwnEpsilonAgain() {
    List<RunReport> earlier =
        List.of(
            report(1, RunReport.SUCCEEDED, "00000000000000aa", 1.0),
            report(2, RunReport.SUCCEEDED, "00000000000000bb", 0.5));
    RunReport.Privacy p = ReleaseStage.spent(earlier, "00000000000000cc", 1.0, 1e-8, LEVELS);
    assertEquals(2.5, p.epsilonSpent());
    assertEquals(3, p.releases());
  }

  @Test
  void reportsWithoutAReleaseCostNothing() {
    // A run that failed before its release (or only enriched) drew no noise for the date.
    List<RunReport> earlier =
        List.of(
            report(1, RunReport.FAILED, null, null), report(2, RunReport.SUCCEEDED, null, null));
    RunReport.Privacy p = ReleaseStage.spent(earlier, "00000000000000aa", 1.0, 1e-8, LEVELS);
    assertEquals(1.0, p.epsilonSpent());
    assertEquals(1, p.releases());
  }
}
