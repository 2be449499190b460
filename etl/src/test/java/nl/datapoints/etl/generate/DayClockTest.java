package nl.datapoints.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DayClockTest {

  @Test
  void springDstDayHasTwentyThreeHoursWithoutTwoOClock() {
    DayClock clock = new DayClock(LocalDate.of(2013, 3, 31));
    assertEquals(23, clock.hours.size());
    assertTrue(clock.hours.stream().noneMatch(h -> h.localHour() == 2));
    assertEquals("2013-03-31T01:", text(clock.hours.get(1).localPrefix()));
    assertEquals("2013-03-31T03:", text(clock.hours.get(2).localPrefix()));
    assertEquals("+02:00", text(clock.hours.get(2).offset()));
  }

  @Test
  void autumnDstDayHasTwentyFiveHoursWithTwoOClockTwice() {
    DayClock clock = new DayClock(LocalDate.of(2013, 10, 27));
    assertEquals(25, clock.hours.size());
    assertEquals("2013-10-27T02:", text(clock.hours.get(2).localPrefix()));
    assertEquals("+02:00", text(clock.hours.get(2).offset()));
    assertEquals("2013-10-27T02:", text(clock.hours.get(3).localPrefix()));
    assertEquals("+01:00", text(clock.hours.get(3).offset()));
    assertEquals("2013-10-27T01:", text(clock.hours.get(3).utcPrefix()));
  }

  @Test
  void ordinaryWinterDayStartsAtElevenPmUtc() {
    DayClock clock = new DayClock(LocalDate.of(2013, 1, 8));
    assertEquals(24, clock.hours.size());
    assertEquals("2013-01-07T23:", text(clock.hours.get(0).utcPrefix()));
    assertEquals("+01:00", text(clock.hours.get(0).offset()));
  }

  @Test
  void splitAssignsEveryLineAndFollowsTheProfile() {
    DayClock clock = new DayClock(LocalDate.of(2013, 1, 8));
    long[] counts = clock.split(100_003);
    assertEquals(100_003, Arrays.stream(counts).sum());
    assertTrue(counts[4] * 10 < counts[12], Arrays.toString(counts));
  }

  @Test
  void saturdayIsBusierThanSunday() {
    assertTrue(
        new DayClock(LocalDate.of(2013, 1, 12)).lines(1000)
            > new DayClock(LocalDate.of(2013, 1, 13)).lines(1000));
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }
}
