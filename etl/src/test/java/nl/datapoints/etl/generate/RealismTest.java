package nl.datapoints.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates two days with the default settings (a Sunday, the hardest day for the privacy
 * threshold, and a Monday) and reads them back with {@link LineCheck}'s independent parsing.
 */
class RealismTest {

  private static final LocalDate SUNDAY = LocalDate.of(2013, 1, 13);
  private static final LocalDate MONDAY = SUNDAY.plusDays(1);

  /** A cell of SPEC §4. */
  private record Cell(LocalDate date, int hour, int pc4, int activity, String sbi) {
  }

  @TempDir
  static Path dir;
  private static GenerateSummary summary;
  private static final Map<Cell, long[]> hits = new HashMap<>();
  private static final Map<Cell, Set<String>> users = new HashMap<>();
  private static final Map<LocalDate, long[]> perHour = new HashMap<>();
  private static final Map<LocalDate, Set<String>> usersPerDay = new HashMap<>();

  @BeforeAll
  static void generateTwoDefaultDays() {
    GenerateConfig config = GenerateConfig.withDefaults(dir, SUNDAY, 2);
    summary = SampleGenerator.generate(config, GenerateProgress.NONE);
    System.out.printf("generated %,d lines, %,d bytes in %.1f s wall, %.1f s CPU: %,.0f lines/s per CPU second%n",
        summary.lines(), summary.bytes(), summary.elapsedNanos() / 1e9, summary.cpuNanos() / 1e9,
        summary.linesPerCpuSecond());
    LineCheck check = new LineCheck(config.refDir());
    for (LocalDate date : new LocalDate[] {SUNDAY, MONDAY}) {
      long[] hours = new long[24];
      Set<String> dayUsers = new HashSet<>();
      RawLines.forEach(config.rawDir().resolve("dt=" + date), line -> {
        LineCheck.Event e = check.classify(line, date).event();
        if (e == null) {
          return;
        }
        Cell cell = new Cell(e.date(), e.hour(), e.pc4(), e.activity(), e.sbi());
        hits.computeIfAbsent(cell, c -> new long[1])[0]++;
        Set<String> u = users.computeIfAbsent(cell, c -> new HashSet<>(8));
        if (u.size() < 5) {
          u.add(e.user());
        }
        hours[e.hour()]++;
        dayUsers.add(e.user());
      });
      perHour.put(date, hours);
      usersPerDay.put(date, dayUsers);
    }
  }

  @Test
  void atLeastEightyPercentOfHitsSurviveFiveUserSuppression() {
    long total = 0;
    long kept = 0;
    for (Map.Entry<Cell, long[]> e : hits.entrySet()) {
      total += e.getValue()[0];
      if (users.get(e.getKey()).size() >= 5) {
        kept += e.getValue()[0];
      }
    }
    assertEquals(summary.events(), total);
    double surviving = (double) kept / total;
    System.out.printf("cells %,d, hits %,d, surviving k=5: %.4f%n", hits.size(), total, surviving);
    assertTrue(surviving >= 0.80, "surviving fraction " + surviving);
  }

  @Test
  void nightsAreQuietAndDaysPeak() {
    for (long[] hours : perHour.values()) {
      assertTrue(hours[4] * 10 < hours[13], java.util.Arrays.toString(hours));
      assertTrue(hours[2] < hours[0], java.util.Arrays.toString(hours));
    }
    long[] sunday = perHour.get(SUNDAY);
    long[] monday = perHour.get(MONDAY);
    assertTrue(sunday[8] * 2 < monday[8], "Sunday mornings start late");
    assertTrue(summary.days().get(0).lines() < summary.days().get(1).lines(), "Sunday is quieter");
  }

  @Test
  void usersReturnOnTheNextDay() {
    Set<String> sunday = usersPerDay.get(SUNDAY);
    Set<String> monday = usersPerDay.get(MONDAY);
    long returning = monday.stream().filter(sunday::contains).count();
    assertTrue(returning > monday.size() / 2, returning + " of " + monday.size());
    assertTrue(monday.size() < summary.days().get(1).events() / 2, "users act several times a day");
  }
}
