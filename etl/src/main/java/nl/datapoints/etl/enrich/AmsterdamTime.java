package nl.datapoints.etl.enrich;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Parses an ISO-8601 instant from bytes and resolves its Europe/Amsterdam local date and hour (pure
 * core, one instance per task; not thread-safe).
 *
 * <p>Hand-parsed digits and integer arithmetic with a cached zone offset: java.time is only
 * consulted when an event falls outside the span between two offset transitions around the previous
 * miss, i.e. about twice a year of data.
 */
final class AmsterdamTime {
  /** The zone every date and hour in the pipeline is expressed in. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private static final ZoneRules RULES = ZONE.getRules();

  // The offset in force over [validFrom, validUntil): between two transitions of the zone.
  private long validFrom = 1;
  private long validUntil = 0;
  private int cachedOffsetSeconds;

  // Results of the last successful parse.
  private int localEpochDay;
  private int localHour;

  /**
   * Parses {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)} in {@code b[from, to)}.
   *
   * @return whether it was a valid instant; if so {@link #epochDay()} and {@link #hour()} hold its
   *     local date and hour
   */
  public boolean parse(byte[] b, int from, int to) {
    int len = to - from;
    if (len < 20) {
      return false;
    }
    int year = digits(b, from, 4);
    int month = digits(b, from + 5, 2);
    int day = digits(b, from + 8, 2);
    int hour = digits(b, from + 11, 2);
    int minute = digits(b, from + 14, 2);
    int second = digits(b, from + 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || b[from + 4] != '-'
        || b[from + 7] != '-'
        || b[from + 10] != 'T'
        || b[from + 13] != ':'
        || b[from + 16] != ':') {
      return false;
    }
    if (month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return false;
    }
    int p = from + 19;
    if (b[p] == '.') {
      int start = ++p;
      while (p < to && b[p] >= '0' && b[p] <= '9') {
        p++;
      }
      int fractionDigits = p - start;
      if (fractionDigits < 1 || fractionDigits > 9 || p >= to) {
        return false;
      }
    }
    int offsetSeconds;
    if (b[p] == 'Z' && p + 1 == to) {
      offsetSeconds = 0;
    } else if ((b[p] == '+' || b[p] == '-') && p + 6 == to && b[p + 3] == ':') {
      int oh = digits(b, p + 1, 2);
      int om = digits(b, p + 4, 2);
      if (oh < 0 || om < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) {
        return false;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (b[p] == '-' ? -1 : 1);
    } else {
      return false;
    }
    long epochSecond =
        epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    resolve(epochSecond);
    return true;
  }

  /** Resolves an epoch second to its local date and hour (also for tests and tools). */
  public void resolve(long epochSecond) {
    if (epochSecond < validFrom || epochSecond >= validUntil) {
      Instant instant = Instant.ofEpochSecond(epochSecond);
      cachedOffsetSeconds = RULES.getOffset(instant).getTotalSeconds();
      ZoneOffsetTransition previous = RULES.previousTransition(instant.plusSeconds(1));
      ZoneOffsetTransition next = RULES.nextTransition(instant);
      validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
      validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
    long local = epochSecond + cachedOffsetSeconds;
    localEpochDay = (int) Math.floorDiv(local, 86_400L);
    localHour = (int) (Math.floorMod(local, 86_400L) / 3600L);
  }

  /** Local date of the last parse, days since 1970-01-01. */
  public int epochDay() {
    return localEpochDay;
  }

  /** Local hour 0-23 of the last parse. */
  public int hour() {
    return localHour;
  }

  private static int digits(byte[] b, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
