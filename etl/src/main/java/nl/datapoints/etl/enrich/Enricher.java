package nl.datapoints.etl.enrich;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import nl.datapoints.etl.reference.ReferenceData;

/**
 * Turns the bytes of one raw TSV line into an anonymized event or a quarantine reason (pure core:
 * no Hadoop types; one instance per task, not thread-safe, allocates nothing per event).
 *
 * <p>Checks, in order: too long, empty, UTF-8, six fields, timestamp, user id, postcode, merchant
 * id, activity, partition date, known postcode, known merchant. The first failing check is the
 * reason. The client IP (field 3) is never looked at.
 */
final class Enricher {
  /** Maximum length of a user id, in characters (Unicode code points). */
  public static final int MAX_USER_CHARS = 128;

  private static final int FIELDS = 6;

  private final ReferenceData reference;
  private final Pseudonymizer pseudonymizer;
  private final AmsterdamTime time = new AmsterdamTime();
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private CharBuffer chars = CharBuffer.allocate(1024);
  private final int[] fieldStart = new int[FIELDS];
  private final int[] fieldEnd = new int[FIELDS];

  /** An enricher over the reference data, pseudonymizing with the key. */
  public Enricher(ReferenceData reference, HmacKey key) {
    this.reference = reference;
    this.pseudonymizer = new Pseudonymizer(key);
  }

  /**
   * Enriches one line.
   *
   * @param line the line's bytes, without its newline; a trailing {@code \r} is ignored
   * @param length number of bytes of {@code line} to use
   * @param tooLong whether the reader saw more than the maximum line length (then {@code line}
   *     holds only a prefix)
   * @param partitionEpochDay the date of the line's partition, days since 1970-01-01
   * @param out receives the outcome; returned for convenience
   */
  public EnrichResult enrich(
      byte[] line, int length, boolean tooLong, int partitionEpochDay, EnrichResult out) {
    out.reason = null;
    if (tooLong) {
      return out.quarantine(Reason.LINE_TOO_LONG);
    }
    int end = contentLength(line, length);
    if (end == 0) {
      out.kind = EnrichResult.Kind.EMPTY;
      return out;
    }
    if (!isUtf8(line, end)) {
      return out.quarantine(Reason.ENCODING);
    }
    if (!split(line, end)) {
      return out.quarantine(Reason.FIELD_COUNT);
    }
    if (!time.parse(line, fieldStart[0], fieldEnd[0])) {
      return out.quarantine(Reason.BAD_TIMESTAMP);
    }
    int userChars = codePoints(line, fieldStart[1], fieldEnd[1]);
    if (userChars == 0 || userChars > MAX_USER_CHARS) {
      return out.quarantine(Reason.EMPTY_USER);
    }
    int pc4 = Postcodes.pc4(line, fieldStart[3], fieldEnd[3]);
    if (pc4 == Postcodes.INVALID) {
      return out.quarantine(Reason.BAD_POSTCODE);
    }
    long merchant = parsePositiveLong(line, fieldStart[4], fieldEnd[4]);
    if (merchant <= 0) {
      return out.quarantine(Reason.BAD_MERCHANT);
    }
    long activity = parsePositiveLong(line, fieldStart[5], fieldEnd[5]);
    if (activity < 1 || activity > 65_535) {
      return out.quarantine(Reason.BAD_ACTIVITY);
    }
    if (time.epochDay() != partitionEpochDay) {
      return out.quarantine(Reason.OUT_OF_PARTITION);
    }
    if (!reference.isKnownPc4(pc4)) {
      return out.quarantine(Reason.UNKNOWN_POSTCODE);
    }
    String sbi = reference.sbiOf(merchant);
    if (sbi == null) {
      return out.quarantine(Reason.UNKNOWN_MERCHANT);
    }
    pseudonymizer.userKey(line, fieldStart[1], fieldEnd[1], out.userKey);
    out.kind = EnrichResult.Kind.EVENT;
    out.epochDay = time.epochDay();
    out.hour = time.hour();
    out.pc4 = pc4;
    out.activity = (int) activity;
    out.sbi = sbi;
    return out;
  }

  /** The length of the line without a trailing carriage return. */
  public static int contentLength(byte[] line, int length) {
    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
  }

  private boolean split(byte[] b, int end) {
    int field = 0;
    fieldStart[0] = 0;
    for (int i = 0; i < end; i++) {
      if (b[i] == '\t') {
        if (field == FIELDS - 1) {
          return false;
        }
        fieldEnd[field++] = i;
        fieldStart[field] = i + 1;
      }
    }
    if (field != FIELDS - 1) {
      return false;
    }
    fieldEnd[field] = end;
    return true;
  }

  private boolean isUtf8(byte[] b, int end) {
    for (int i = 0; i < end; i++) {
      if (b[i] < 0) {
        return decodes(b, end);
      }
    }
    return true; // plain ASCII, the common case
  }

  private boolean decodes(byte[] b, int end) {
    if (chars.capacity() < end) {
      chars = CharBuffer.allocate(end);
    }
    chars.clear();
    decoder.reset();
    ByteBuffer in = ByteBuffer.wrap(b, 0, end);
    CoderResult result = decoder.decode(in, chars, true);
    if (result.isError()) {
      return false;
    }
    return !decoder.flush(chars).isError();
  }

  /** Number of code points in valid UTF-8 bytes: every byte that is not a continuation byte. */
  private static int codePoints(byte[] b, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if ((b[i] & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }

  /** A positive decimal without sign or spaces that fits in a long, else -1. */
  static long parsePositiveLong(byte[] b, int from, int to) {
    if (from == to || to - from > 19) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
      if (v < 0) {
        return -1; // overflow past Long.MAX_VALUE
      }
    }
    return v;
  }
}
