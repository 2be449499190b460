package nl.datapoints.etl.generate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** The spoiled field texts of defective lines, in the variety real broken sources produce. */
final class DefectText {

  private static final DateTimeFormatter LOCAL_WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter NO_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xE9}, {(byte) 0xFF}, {(byte) 0xC3, '('}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
  };

  private final DayClock clock;
  private final SplittableRandom random;

  DefectText(DayClock clock, SplittableRandom random) {
    this.clock = clock;
    this.random = random;
  }

  /** A valid instant whose local date is the day before (late arrival) or after (clock skew). */
  void outOfPartitionTime(GzipLineSink out) {
    boolean late = random.nextInt(5) != 0;
    LocalDateTime local =
        late
            ? clock
                .date
                .minusDays(1)
                .atTime(22 + random.nextInt(2), random.nextInt(60), random.nextInt(60))
            : clock
                .date
                .plusDays(1)
                .atTime(random.nextInt(2), random.nextInt(60), random.nextInt(60));
    ZonedDateTime t = local.atZone(DayClock.ZONE);
    out.put(
        random.nextBoolean()
            ? LOCAL_WITH_OFFSET.format(t)
            : UTC.format(t.withZoneSameInstant(ZoneOffset.UTC)));
  }

  /**
   * Not an ISO-8601 instant with offset: no offset, a space, Dutch order, epoch seconds, "-", "".
   */
  void badTime(GzipLineSink out, DayClock.Hour hour, int second) {
    long epoch = hour.epochSecond() + second;
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(epoch), DayClock.ZONE);
    switch (random.nextInt(6)) {
      case 0 -> out.put(SPACED.format(local));
      case 1 -> out.put(NO_OFFSET.format(local));
      case 2 -> out.put(DUTCH.format(local));
      case 3 -> out.putDecimal(epoch);
      case 4 -> out.put('-');
      default -> {} // empty
    }
  }

  /** Appends bytes that are not valid UTF-8 (Latin-1 é, 0xFF, a broken sequence, a surrogate). */
  void invalidUtf8(GzipLineSink out) {
    out.put(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
  }

  /**
   * Neither PC6 nor PC4: leading 0, three digits, five digits, a dash, a third letter, empty,
   * letters first.
   */
  void badPostcode(GzipLineSink out, byte[] pc4, byte l1, byte l2) {
    switch (random.nextInt(7)) {
      case 0 -> out.put('0').put(pc4[1]).put(pc4[2]).put(pc4[3]).put(l1).put(l2);
      case 1 -> out.put(pc4[0]).put(pc4[1]).put(pc4[2]).put(l1).put(l2);
      case 2 -> out.put(pc4).put('5');
      case 3 -> out.put(pc4).put('-').put(l1).put(l2);
      case 4 -> out.put(pc4).put(l1).put(l2).put('C');
      case 5 -> {} // empty
      default -> out.put(l1).put(l2).put(pc4);
    }
  }

  /** Not a positive 64-bit decimal: zero, negative, a prefix, a fraction, overflow, empty. */
  void badMerchant(GzipLineSink out, byte[] id) {
    switch (random.nextInt(6)) {
      case 0 -> out.put('0');
      case 1 -> out.put('-').put(id);
      case 2 -> out.put('m').put(id);
      case 3 -> out.put(id).put(".5");
      case 4 -> out.put("99999999999999999999");
      default -> {} // empty
    }
  }

  /** Outside 1–65535 or not a decimal. */
  void badActivity(GzipLineSink out) {
    switch (random.nextInt(6)) {
      case 0 -> out.put('0');
      case 1 -> out.put("65536");
      case 2 -> out.put("-1");
      case 3 -> out.put("a1");
      case 4 -> out.put("1.0");
      default -> {} // empty
    }
  }
}
