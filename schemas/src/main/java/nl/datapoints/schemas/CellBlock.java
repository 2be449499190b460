package nl.datapoints.schemas;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The packed value of one HBase row (one postcode4 on one date): many cells in one HBase cell.
 *
 * <p>HBase returns every cell with its full key, so one HBase cell per aggregate would cost far
 * more than the aggregates themselves. A row therefore holds three qualifiers, each a block in this
 * format: {@link #CELLS} (every published cell), {@link #BY_HOUR} (hits and delta per hour, summed
 * over activity and SBI) and {@link #BY_SBI} (per SBI, summed over hour and activity). Unfiltered
 * dashboard queries read only the two small rollups.
 *
 * <p>Format, version 1: byte {@code 1}, unsigned varint entry count, then per entry: hour (1 byte),
 * activity (unsigned varint), SBI length (1 byte) and ASCII digits, hits (unsigned varint), delta +
 * 1 (unsigned varint; 0 means null). Entries are sorted by hour, activity, SBI. The golden file
 * {@code cellblock-v1.bin} in the tests pins this layout.
 */
public final class CellBlock {
  /** Qualifier of the block holding every cell. */
  public static final byte[] CELLS = {'c'};

  /** Qualifier of the per-hour rollup. */
  public static final byte[] BY_HOUR = {'h'};

  /** Qualifier of the per-SBI rollup. */
  public static final byte[] BY_SBI = {'s'};

  static final byte VERSION = 1;

  private static final Comparator<PackedCell> ORDER =
      Comparator.comparingInt(PackedCell::hour)
          .thenComparingInt(PackedCell::activity)
          .thenComparing(PackedCell::sbi);

  private CellBlock() {}

  /** Encodes the entries (in any order; they are written sorted). */
  public static byte[] encode(List<PackedCell> cells) {
    List<PackedCell> sorted = new ArrayList<>(cells);
    sorted.sort(ORDER);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 + sorted.size() * 10);
    out.write(VERSION);
    writeVarint(out, sorted.size());
    for (PackedCell c : sorted) {
      out.write(c.hour());
      writeVarint(out, c.activity());
      byte[] sbi = c.sbi().getBytes(StandardCharsets.US_ASCII);
      out.write(sbi.length);
      out.write(sbi, 0, sbi.length);
      writeVarint(out, c.hits());
      writeVarint(out, c.delta() == null ? 0 : c.delta() + 1);
    }
    return out.toByteArray();
  }

  /** Decodes a block; rejects unknown versions and truncated input with a clear message. */
  public static List<PackedCell> decode(byte[] block) {
    List<PackedCell> out = new ArrayList<>();
    forEach(block, out::add);
    return out;
  }

  /** Receives decoded entries without allocating a record each (the service's hot path). */
  @FunctionalInterface
  public interface Visitor {
    void visit(int hour, int activity, String sbi, long hits, long deltaPlusOne);
  }

  /** Streams the entries of a block to {@code visitor}; delta arrives as delta + 1 (0 = null). */
  public static void forEachRaw(byte[] block, Visitor visitor) {
    Reader r = new Reader(block);
    long n = r.readHeader();
    for (long i = 0; i < n; i++) {
      int hour = r.readByte();
      int activity = (int) r.readVarint();
      int len = r.readByte();
      String sbi = r.readAscii(len);
      long hits = r.readVarint();
      long deltaPlusOne = r.readVarint();
      visitor.visit(hour, activity, sbi, hits, deltaPlusOne);
    }
  }

  /**
   * Receives decoded entries with the SBI as an int key ({@link #sbiKey}) instead of a String: no
   * allocation per entry at all (the service sums tens of thousands of entries per query).
   */
  @FunctionalInterface
  public interface KeyedVisitor {
    void visit(int hour, int activity, int sbiKey, long hits, long deltaPlusOne);
  }

  /** Like {@link #forEachRaw} with the SBI as {@link #sbiKey}; a non-decimal SBI is rejected. */
  public static void forEachKeyed(byte[] block, KeyedVisitor visitor) {
    Reader r = new Reader(block);
    long n = r.readHeader();
    for (long i = 0; i < n; i++) {
      int hour = r.readByte();
      int activity = (int) r.readVarint();
      int sbiKey = r.readSbiKey(r.readByte());
      long hits = r.readVarint();
      long deltaPlusOne = r.readVarint();
      visitor.visit(hour, activity, sbiKey, hits, deltaPlusOne);
    }
  }

  /** Longest SBI a key holds. SBI codes are 2–5 digits (docs/formats.md §2.3); rollups use "". */
  public static final int MAX_SBI_KEY_DIGITS = 9;

  /**
   * The int key of a decimal SBI code: a leading 1 followed by the digits ({@code "" → 1}, {@code
   * "47" → 147}, {@code "0111" → 10111}), so leading zeros survive and the mapping is one-to-one;
   * -1 when {@code sbi} is not 0–9 decimal digits.
   */
  public static int sbiKey(String sbi) {
    if (sbi.length() > MAX_SBI_KEY_DIGITS) {
      return -1;
    }
    int k = 1;
    for (int i = 0; i < sbi.length(); i++) {
      char ch = sbi.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      k = k * 10 + (ch - '0');
    }
    return k;
  }

  /** The SBI code of a key made by {@link #sbiKey}. */
  public static String sbiOfKey(int key) {
    if (key < 1) {
      throw new IllegalArgumentException("SBI key must be positive, got " + key);
    }
    return Integer.toString(key).substring(1);
  }

  private static void forEach(byte[] block, java.util.function.Consumer<PackedCell> sink) {
    forEachRaw(
        block,
        (hour, activity, sbi, hits, dp1) ->
            sink.accept(new PackedCell(hour, activity, sbi, hits, dp1 == 0 ? null : dp1 - 1)));
  }

  /** Per-hour rollup entries (activity {@link PackedCell#ALL}, SBI ""). */
  public static List<PackedCell> rollupByHour(List<PackedCell> cells) {
    return rollup(cells, c -> new Key(c.hour(), PackedCell.ALL, ""));
  }

  /** Per-SBI rollup entries (hour and activity {@link PackedCell#ALL}). */
  public static List<PackedCell> rollupBySbi(List<PackedCell> cells) {
    return rollup(cells, c -> new Key(PackedCell.ALL, PackedCell.ALL, c.sbi()));
  }

  private record Key(int hour, int activity, String sbi) {}

  private static List<PackedCell> rollup(
      List<PackedCell> cells, java.util.function.Function<PackedCell, Key> keyOf) {
    Map<Key, long[]> sums =
        new TreeMap<>(
            Comparator.comparingInt(Key::hour)
                .thenComparingInt(Key::activity)
                .thenComparing(Key::sbi));
    boolean nullDelta = false;
    for (PackedCell c : cells) {
      long[] s = sums.computeIfAbsent(keyOf.apply(c), k -> new long[2]);
      s[0] += c.hits();
      if (c.delta() == null) {
        nullDelta = true;
      } else {
        s[1] += c.delta();
      }
    }
    List<PackedCell> out = new ArrayList<>(sums.size());
    for (Map.Entry<Key, long[]> e : sums.entrySet()) {
      Key k = e.getKey();
      out.add(
          new PackedCell(
              k.hour(),
              k.activity(),
              k.sbi(),
              e.getValue()[0],
              nullDelta ? null : e.getValue()[1]));
    }
    return out;
  }

  static void writeVarint(ByteArrayOutputStream out, long v) {
    if (v < 0) {
      throw new IllegalArgumentException("varint must not be negative, got " + v);
    }
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      if (buf == null || buf.length == 0) {
        throw new IllegalArgumentException("cell block is empty");
      }
      this.buf = buf;
    }

    /** Checks the version byte and returns the entry count. */
    long readHeader() {
      int version = readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "cell block version must be " + VERSION + ", got " + version);
      }
      return readVarint();
    }

    int readByte() {
      if (pos >= buf.length) {
        throw new IllegalArgumentException("cell block truncated at byte " + pos);
      }
      return buf[pos++] & 0xFF;
    }

    long readVarint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readByte();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("cell block varint too long at byte " + pos);
    }

    int readSbiKey(int len) {
      if (len > MAX_SBI_KEY_DIGITS) {
        throw new IllegalArgumentException(
            "cell block SBI of "
                + len
                + " characters at byte "
                + pos
                + " is longer than "
                + MAX_SBI_KEY_DIGITS
                + " digits");
      }
      if (pos + len > buf.length) {
        throw new IllegalArgumentException("cell block truncated at byte " + pos);
      }
      int k = 1;
      for (int i = 0; i < len; i++) {
        int b = buf[pos + i];
        if (b < '0' || b > '9') {
          throw new IllegalArgumentException("cell block SBI is not decimal at byte " + (pos + i));
        }
        k = k * 10 + (b - '0');
      }
      pos += len;
      return k;
    }

    String readAscii(int len) {
      if (pos + len > buf.length) {
        throw new IllegalArgumentException("cell block truncated at byte " + pos);
      }
      String s = new String(buf, pos, len, StandardCharsets.US_ASCII);
      pos += len;
      return s;
    }
  }
}
