package nl.datapoints.etl.generate;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The real (elapsed) hours of one local date in Europe/Amsterdam — 23, 24 or 25 of them — with the
 * text of each hour written in UTC and in local time, and how busy each hour is.
 */
final class DayClock {

  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter HOUR_PREFIX =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:");

  /**
   * Relative activity per local hour, Monday–Friday: night trough, lunch and late-afternoon peaks.
   */
  private static final double[] WEEKDAY = {
    1.2, 0.7, 0.45, 0.35, 0.35, 0.6, 1.4, 3.2, 4.8, 5.4, 5.9, 6.4,
    7.4, 7.0, 6.3, 6.2, 6.8, 7.4, 6.6, 5.2, 4.2, 3.2, 2.3, 1.6
  };

  /** Saturday: late start, long shopping afternoon, busy evening. */
  private static final double[] SATURDAY = {
    2.2, 1.6, 1.2, 0.8, 0.45, 0.4, 0.6, 1.2, 2.6, 4.4, 6.2, 7.4,
    8.2, 8.6, 8.6, 8.2, 7.6, 6.8, 6.0, 5.2, 4.6, 3.8, 3.0, 2.6
  };

  /** Sunday: late and quiet morning, shops from noon, early evening. */
  private static final double[] SUNDAY = {
    2.4, 1.8, 1.3, 0.9, 0.5, 0.35, 0.35, 0.6, 1.2, 2.4, 3.8, 5.2,
    6.6, 7.2, 7.4, 7.2, 6.8, 6.2, 5.6, 4.6, 3.6, 2.6, 1.8, 1.2
  };

  /** Relative volume per day of the week, Monday first; averages 1. */
  private static final double[] DAY_VOLUME = {0.92, 0.95, 0.98, 1.02, 1.12, 1.15, 0.86};

  /** One elapsed hour of the day. */
  record Hour(
      long epochSecond,
      int localHour,
      byte[] utcPrefix,
      byte[] localPrefix,
      byte[] offset,
      double weight) {}

  final LocalDate date;
  final DayOfWeek dayOfWeek;
  final List<Hour> hours;

  DayClock(LocalDate date) {
    this.date = date;
    this.dayOfWeek = date.getDayOfWeek();
    double[] profile =
        switch (dayOfWeek) {
          case SATURDAY -> SATURDAY;
          case SUNDAY -> SUNDAY;
          default -> WEEKDAY;
        };
    Instant start = date.atStartOfDay(ZONE).toInstant();
    Instant end = date.plusDays(1).atStartOfDay(ZONE).toInstant();
    List<Hour> list = new ArrayList<>();
    for (Instant t = start; t.isBefore(end); t = t.plusSeconds(3600)) {
      ZonedDateTime local = t.atZone(ZONE);
      LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
      list.add(
          new Hour(
              t.getEpochSecond(),
              local.getHour(),
              ascii(HOUR_PREFIX.format(utc)),
              ascii(HOUR_PREFIX.format(local)),
              ascii(local.getOffset().getId()),
              profile[local.getHour()]));
    }
    this.hours = List.copyOf(list);
  }

  /** Average lines per day scaled by the day of the week. */
  long lines(int eventsPerDay) {
    return Math.round(eventsPerDay * DAY_VOLUME[dayOfWeek.getValue() - 1]);
  }

  /** Splits n lines over the elapsed hours in proportion to their weight (largest remainder). */
  long[] split(long n) {
    double total = hours.stream().mapToDouble(Hour::weight).sum();
    long[] counts = new long[hours.size()];
    double[] remainder = new double[hours.size()];
    long assigned = 0;
    for (int i = 0; i < counts.length; i++) {
      double exact = n * hours.get(i).weight() / total;
      counts[i] = (long) Math.floor(exact);
      remainder[i] = exact - counts[i];
      assigned += counts[i];
    }
    while (assigned < n) {
      int best = 0;
      for (int i = 1; i < remainder.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainder[best] = -1;
      assigned++;
    }
    return counts;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
