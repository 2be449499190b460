package nl.datapoints.schemas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The serving store's row key: date + postcode4, fixed width, sorting by date then pc4.
 *
 * <p>Layout: 12 ASCII bytes, {@code yyyyMMdd} followed by the four digits of the postcode4, e.g.
 * {@code 201301081017}. ASCII digits sort like the numbers they spell, so HBase's byte order is
 * date order then pc4 order, every row of one date is contiguous, and an operator can read keys in
 * the HBase shell. Shared by the publish job and the service.
 */
public final class RowKey {
  /** Width of every data row key in bytes. */
  public static final int LENGTH = 12;

  /** First and last valid postcode4. */
  public static final int MIN_PC4 = 1000;

  public static final int MAX_PC4 = 9999;

  private final LocalDate date;
  private final int pc4;

  private RowKey(LocalDate date, int pc4) {
    this.date = date;
    this.pc4 = pc4;
  }

  /** A key for one postcode4 on one date; rejects values that do not fit the fixed width. */
  public static RowKey of(LocalDate date, int pc4) {
    if (date == null) {
      throw new IllegalArgumentException("row key date must not be null");
    }
    if (date.getYear() < 1000 || date.getYear() > 9999) {
      throw new IllegalArgumentException("row key date must have a 4-digit year, got " + date);
    }
    if (pc4 < MIN_PC4 || pc4 > MAX_PC4) {
      throw new IllegalArgumentException(
          "row key pc4 must be in " + MIN_PC4 + ".." + MAX_PC4 + ", got " + pc4);
    }
    return new RowKey(date, pc4);
  }

  public LocalDate date() {
    return date;
  }

  public int pc4() {
    return pc4;
  }

  /** The 12-byte key. */
  public byte[] toBytes() {
    byte[] out = new byte[LENGTH];
    writeDate(date, out, 0);
    writeDigits(pc4, 4, out, 8);
    return out;
  }

  /** The 8-byte prefix every row of {@code date} starts with (for scans over one date). */
  public static byte[] datePrefix(LocalDate date) {
    byte[] out = new byte[8];
    writeDate(of(date, MIN_PC4).date, out, 0);
    return out;
  }

  /** Decodes a key written by {@link #toBytes()}. */
  public static RowKey parse(byte[] key) {
    if (key == null) {
      throw new IllegalArgumentException("row key must be " + LENGTH + " bytes, got null");
    }
    return parse(key, 0, key.length);
  }

  /**
   * Decodes the key at {@code array[offset, offset + length)} (where a store's client holds it,
   * uncopied).
   */
  public static RowKey parse(byte[] array, int offset, int length) {
    if (length != LENGTH) {
      throw new IllegalArgumentException("row key must be " + LENGTH + " bytes, got " + length);
    }
    int y = readDigits(array, offset, 0, 4);
    int m = readDigits(array, offset, 4, 2);
    int d = readDigits(array, offset, 6, 2);
    int pc4 = readDigits(array, offset, 8, 4);
    return of(LocalDate.of(y, m, d), pc4);
  }

  /**
   * The postcode4 of the key at {@code array[offset, offset + length)}, without decoding its date
   * (a region's hot path: one per row read).
   */
  public static int pc4Of(byte[] array, int offset, int length) {
    if (length != LENGTH) {
      throw new IllegalArgumentException("row key must be " + LENGTH + " bytes, got " + length);
    }
    return readDigits(array, offset, 8, 4);
  }

  private static void writeDate(LocalDate date, byte[] out, int off) {
    writeDigits(date.getYear(), 4, out, off);
    writeDigits(date.getMonthValue(), 2, out, off + 4);
    writeDigits(date.getDayOfMonth(), 2, out, off + 6);
  }

  private static void writeDigits(int value, int width, byte[] out, int off) {
    for (int i = width - 1; i >= 0; i--) {
      out[off + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int readDigits(byte[] in, int key, int off, int width) {
    int v = 0;
    for (int i = off; i < off + width; i++) {
      int c = in[key + i] - '0';
      if (c < 0 || c > 9) {
        throw new IllegalArgumentException(
            "row key byte "
                + i
                + " is not a digit: "
                + new String(in, key, LENGTH, StandardCharsets.ISO_8859_1));
      }
      v = v * 10 + c;
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowKey k && k.pc4 == pc4 && k.date.equals(date);
  }

  @Override
  public int hashCode() {
    return date.hashCode() * 31 + pc4;
  }

  @Override
  public String toString() {
    return new String(toBytes(), StandardCharsets.US_ASCII);
  }

  /** True when {@code key} has the width of a data row (the pointer row does not). */
  public static boolean isDataRow(byte[] key) {
    return key != null && key.length == LENGTH && key[0] >= '0' && key[0] <= '9';
  }
}
