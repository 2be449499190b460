package nl.datapoints.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads generated days back with {@link LineCheck}'s independent parsing and checks the properties
 * the pipeline and the dashboard rely on: most hits survive the privacy threshold, the daily and
 * weekly rhythm, returning users.
 */
class RealismTest {

  private static final LocalDate SUNDAY = LocalDate.of(2013, 1, 13);
  private static final LocalDate MONDAY = SUNDAY.plusDays(1);

  /** A cell of docs/formats.md §4.2. */
  private record Cell(int hour, int pc4, int activity, String sbi) {}

  @TempDir Path dir;

  /**
   * One day with the default settings: a Sunday, the weakest day of the week for the threshold
   * (fewest events, shops open only in the afternoon).
   */
  @Test
  void atLeastEightyPercentOfHitsSurviveFiveUserSuppressionWithDefaults() {
    GenerateConfig config = GenerateConfig.withDefaults(dir, SUNDAY, 1);
    GenerateSummary summary = SampleGenerator.generate(config, GenerateProgress.NONE);
    System.out.printf(
        "generated %,d lines, %,d bytes (%,d gzip) in %.1f s wall, %.1f s CPU: "
            + "%,.0f lines per CPU second%n",
        summary.lines(),
        summary.rawBytes(),
        summary.bytes(),
        summary.elapsedNanos() / 1e9,
        summary.cpuNanos() / 1e9,
        summary.linesPerCpuSecond());
    LineCheck check = new LineCheck(config.refDir());
    Map<Cell, long[]> hits = new HashMap<>();
    Map<Cell, String[]> users = new HashMap<>();
    RawLines.forEach(
        config.rawDir().resolve("dt=" + SUNDAY),
        line -> {
          LineCheck.Event e = check.classify(line, SUNDAY).event();
          if (e == null) {
            return;
          }
          Cell cell = new Cell(e.hour(), e.pc4(), e.activity(), e.sbi());
          hits.computeIfAbsent(cell, c -> new long[1])[0]++;
          String[] u = users.computeIfAbsent(cell, c -> new String[5]);
          for (int i = 0; i < u.length; i++) {
            if (u[i] == null) {
              u[i] = e.user();
              break;
            }
            if (u[i].equals(e.user())) {
              break;
            }
          }
        });
    long total = 0;
    long kept = 0;
    for (Map.Entry<Cell, long[]> e : hits.entrySet()) {
      total += e.getValue()[0];
      if (users.get(e.getKey())[4] != null) {
        kept += e.getValue()[0];
      }
    }
    assertEquals(summary.events(), total);
    double surviving = (double) kept / total;
    System.out.printf("cells %,d, hits %,d, surviving k=5: %.4f%n", hits.size(), total, surviving);
    assertTrue(surviving >= 0.80, "surviving fraction " + surviving);
  }

  @Test
  void nightsAreQuietDaysPeakSundaysStartLateAndUsersReturn() {
    GenerateConfig config = new GenerateConfig(dir, SUNDAY, 2, 100_000, 11, 0);
    GenerateSummary summary = SampleGenerator.generate(config, GenerateProgress.NONE);
    LineCheck check = new LineCheck(config.refDir());
    Map<LocalDate, long[]> perHour = new HashMap<>();
    Map<LocalDate, Set<String>> usersPerDay = new HashMap<>();
    for (LocalDate date : new LocalDate[] {SUNDAY, MONDAY}) {
      long[] hours = new long[24];
      Set<String> dayUsers = new HashSet<>();
      RawLines.forEach(
          config.rawDir().resolve("dt=" + date),
          line -> {
            LineCheck.Event e = check.classify(line, date).event();
            hours[e.hour()]++;
            dayUsers.add(e.user());
          });
      perHour.put(date, hours);
      usersPerDay.put(date, dayUsers);
    }
    for (long[] hours : perHour.values()) {
      assertTrue(hours[4] * 10 < hours[13], Arrays.toString(hours));
      assertTrue(hours[3] < hours[0], Arrays.toString(hours));
    }
    assertTrue(perHour.get(SUNDAY)[8] * 2 < perHour.get(MONDAY)[8], "Sunday mornings start late");
    assertTrue(summary.days().get(0).lines() < summary.days().get(1).lines(), "Sunday is quieter");

    Set<String> sunday = usersPerDay.get(SUNDAY);
    Set<String> monday = usersPerDay.get(MONDAY);
    long returning = monday.stream().filter(sunday::contains).count();
    assertTrue(returning > monday.size() / 2, returning + " of " + monday.size());
    assertTrue(monday.size() < summary.days().get(1).events() / 2, "users act several times a day");
  }
}
