package nl.datapoints.etl.release;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import nl.datapoints.schemas.Level;

/**
 * The identity of a random draw (pure): what it is for, the member it belongs to (level, date, pc4,
 * hour, activity, SBI) and the exact value it is drawn for. The noise of a released value is a
 * function of the release secret and this identity only, so a rerun on unchanged input draws the
 * same noise and any change of the value draws fresh noise (docs/privacy.md §3).
 */
final class ValueId {
  /** What a draw is for; a separate purpose never reuses another's bits. */
  enum Purpose {
    /** The noise added to a released value. */
    NOISE,
    /** The draw that decides whether a CELL is selected. */
    SELECT,
    /** The order in which a user-day's events are kept. */
    EVENT_ORDER,
    /** The order in which a user-day's members of a level are kept. */
    CELL_ORDER
  }

  private static final byte[] DOMAIN = "datapoints-release-1".getBytes(StandardCharsets.US_ASCII);

  private ValueId() {}

  /**
   * The identity of a draw for a member of a level on a date, for the exact value {@code value}.
   */
  static byte[] of(
      Purpose purpose,
      Level level,
      LocalDate date,
      int pc4,
      int hour,
      int activity,
      String sbi,
      long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(48);
    out.write(DOMAIN, 0, DOMAIN.length);
    out.write(purpose.ordinal());
    out.write(level.ordinal());
    writeLong(out, date.toEpochDay());
    writeLong(out, pc4);
    writeLong(out, hour);
    writeLong(out, activity);
    byte[] s = sbi.getBytes(StandardCharsets.US_ASCII);
    out.write(s.length);
    out.write(s, 0, s.length);
    writeLong(out, value);
    return out.toByteArray();
  }

  /** The identity of a bounding draw of one user-day: the user key, then the member as above. */
  static byte[] ofUser(
      Purpose purpose,
      byte[] userKey,
      Level level,
      LocalDate date,
      int pc4,
      int hour,
      int activity,
      String sbi,
      long occurrence) {
    byte[] member = of(purpose, level, date, pc4, hour, activity, sbi, occurrence);
    byte[] out = new byte[userKey.length + 1 + member.length];
    out[0] = (byte) userKey.length;
    System.arraycopy(userKey, 0, out, 1, userKey.length);
    System.arraycopy(member, 0, out, 1 + userKey.length, member.length);
    return out;
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
  }
}
