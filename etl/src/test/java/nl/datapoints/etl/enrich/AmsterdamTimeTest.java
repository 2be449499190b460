package nl.datapoints.etl.enrich;

import static nl.datapoints.etl.enrich.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmsterdamTimeTest {
  private final AmsterdamTime time = new AmsterdamTime();

  private void parse(String s) {
    byte[] b = utf8(s);
    assertTrue(time.parse(b, 0, b.length), s);
  }

  private LocalDate date() {
    return LocalDate.ofEpochDay(time.epochDay());
  }

  @Test
  void parsesOffsetInWinter() {
    parse("2013-01-08T12:03:11+01:00");
    assertEquals(LocalDate.parse("2013-01-08"), date());
    assertEquals(12, time.hour());
  }

  @Test
  void parsesZuluAsUtc() {
    parse("2013-01-08T11:03:11Z");
    assertEquals(LocalDate.parse("2013-01-08"), date());
    assertEquals(12, time.hour());
  }

  @Test
  void parsesFractionalSeconds() {
    parse("2013-01-08T11:03:11.123456789Z");
    assertEquals(12, time.hour());
  }

  @Test
  void parsesNegativeOffset() {
    parse("2013-01-08T18:30:00-05:00");
    assertEquals(LocalDate.parse("2013-01-09"), date());
    assertEquals(0, time.hour());
  }

  @Test
  void usesSummerTimeInJuly() {
    parse("2013-07-01T22:30:00Z");
    assertEquals(LocalDate.parse("2013-07-02"), date());
    assertEquals(0, time.hour());
  }

  @Test
  void springForwardDayHas23HoursWithoutHour2() {
    List<Integer> hours = new ArrayList<>();
    // 2013-03-31 local midnight is 2013-03-30T23:00Z; walk every UTC hour of that local day.
    long start = Instant.parse("2013-03-30T23:00:00Z").getEpochSecond();
    for (long t = start; ; t += 3600) {
      time.resolve(t);
      if (!date().equals(LocalDate.parse("2013-03-31"))) {
        break;
      }
      hours.add(time.hour());
    }
    assertEquals(23, hours.size());
    assertFalse(hours.contains(2));
    assertEquals(3, hours.get(2));
  }

  @Test
  void autumnBackDayFoldsTwoClockHoursIntoHour2() {
    parse("2013-10-27T02:30:00+02:00");
    assertEquals(2, time.hour());
    parse("2013-10-27T02:30:00+01:00");
    assertEquals(2, time.hour());
    assertEquals(LocalDate.parse("2013-10-27"), date());
    List<Integer> hours = new ArrayList<>();
    long start = Instant.parse("2013-10-26T22:00:00Z").getEpochSecond();
    for (long t = start; ; t += 3600) {
      time.resolve(t);
      if (!date().equals(LocalDate.parse("2013-10-27"))) {
        break;
      }
      hours.add(time.hour());
    }
    assertEquals(25, hours.size());
    assertEquals(2, hours.stream().filter(h -> h == 2).count());
  }

  @Test
  void agreesWithJavaTimeForEveryQuarterHourOfAYearInAnyOrder() {
    long start = Instant.parse("2012-12-31T00:07:00Z").getEpochSecond();
    for (long i = 0; i < 366 * 96; i++) {
      long t = start + ((i * 7919) % (366 * 96)) * 900; // jump around to defeat the cache
      time.resolve(t);
      ZonedDateTime expected = Instant.ofEpochSecond(t).atZone(AmsterdamTime.ZONE);
      assertEquals(expected.toLocalDate(), date(), "at " + t);
      assertEquals(expected.getHour(), time.hour(), "at " + t);
    }
  }

  @Test
  void handlesLeapDay() {
    parse("2012-02-29T12:00:00Z");
    assertEquals(LocalDate.parse("2012-02-29"), date());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2013-01-08",
        "2013-01-08T12:03:11",
        "2013-01-08 12:03:11Z",
        "2013-13-08T12:03:11Z",
        "2013-02-29T12:03:11Z",
        "2013-01-08T24:00:00Z",
        "2013-01-08T12:60:00Z",
        "2013-01-08T12:03:11+0100",
        "2013-01-08T12:03:11+19:00",
        "2013-01-08T12:03:11.Z",
        "2013-01-08T12:03:11Zjunk",
        "2013-01-08T12:03:11z",
        "2013-1-08T12:03:11Z",
        "2013-01-08T12:03:11.1234567890Z",
        "x013-01-08T12:03:11Z"
      })
  void rejectsMalformedTimestamp(String s) {
    byte[] b = utf8(s);
    assertFalse(time.parse(b, 0, b.length), s);
  }

  @Test
  void computesEpochDaysLikeJavaTime() {
    for (LocalDate d = LocalDate.parse("1899-12-25");
        d.isBefore(LocalDate.parse("2101-01-05"));
        d = d.plusDays(13)) {
      assertEquals(
          d.toEpochDay(),
          AmsterdamTime.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
          d.toString());
    }
  }
}
