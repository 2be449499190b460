package nl.datapoints.schemas;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The packed value of one HBase row of store layout 3 (one postcode4 on one date of a
 * differentially private release, docs/formats.md §5): many released values in one HBase cell.
 *
 * <p>A row holds two blocks: {@link #AREA} (family {@code r}) with the public-domain levels an
 * unfiltered query reads — the {@link Level#TOTAL} of the pc4-day, every {@link Level#HOUR} 0-23
 * and every catalogue {@link Level#SBI}, zeros included — and {@link #CELLS} (family {@code d})
 * with the selected {@link Level#CELL}s for filtered queries.
 *
 * <p>Format 3: byte {@code 3}; flags (bit 0: the date has a baseline, so deltas are released);
 * unsigned varint section count; per section: level (1 byte, ordinal of {@link Level}), hits scale
 * and delta scale (IEEE doubles: the discrete Laplace scale of every released value of the section;
 * NaN delta scale without a baseline), unsigned varint entry count, then per entry the member's key
 * — nothing (TOTAL), hour (1 byte, HOUR), SBI (length byte + ASCII digits, SBI), or hour, activity
 * (unsigned varint) and SBI (CELL) — then flags (bit 0: hits released, bit 1: delta released), hits
 * (zigzag varint) and, with a baseline, delta (zigzag varint). A value that is not released is an
 * exact 0 with no noise. The golden file {@code release-block-v3.bin} in the tests pins this
 * layout.
 */
public final class ReleaseBlock {
  /** Qualifier of the block of the public-domain levels (TOTAL, HOUR, SBI), in family r. */
  public static final byte[] AREA = {'a'};

  /** Qualifier of the block of selected CELLs, in family d. */
  public static final byte[] CELLS = {'c'};

  static final byte VERSION = 3;
  private static final Level[] LEVELS = Level.values();

  private ReleaseBlock() {}

  /**
   * One released value of a row.
   *
   * @param hour local hour 0-23 (HOUR, CELL), else -1
   * @param activity activity id (CELL), else 0
   * @param sbi SBI code (SBI, CELL), else ""
   * @param released false for a CELL kept only for its delta (hits is then 0)
   * @param hits released hits (noisy, may be negative)
   * @param deltaReleased false when the member had no released value on D-7 (delta is then 0)
   * @param delta released hits on D-7; ignored without a baseline
   */
  public record Entry(
      int hour,
      int activity,
      String sbi,
      boolean released,
      long hits,
      boolean deltaReleased,
      long delta) {
    public Entry {
      if (hour < -1 || hour > 23) {
        throw new IllegalArgumentException("hour must be in 0..23 (or -1 for none), got " + hour);
      }
      if (activity < 0 || activity > 65535) {
        throw new IllegalArgumentException("activity must be in 0..65535, got " + activity);
      }
      if (sbi == null || sbi.length() > MAX_SBI_KEY_DIGITS) {
        throw new IllegalArgumentException(
            "sbi must be at most " + MAX_SBI_KEY_DIGITS + " digits, got " + sbi);
      }
      if (!released && hits != 0) {
        throw new IllegalArgumentException("a value that is not released must be 0, got " + hits);
      }
    }
  }

  /**
   * The released values of one level in a row.
   *
   * @param level the level
   * @param hitsScale discrete Laplace scale of the released hits (0 for none released)
   * @param deltaScale scale of the released deltas (NaN without a baseline)
   * @param entries the values, in any order (written sorted by hour, activity, SBI)
   */
  public record Section(Level level, double hitsScale, double deltaScale, List<Entry> entries) {
    public Section {
      entries = List.copyOf(entries);
    }
  }

  /** A decoded block. */
  public record Decoded(boolean baseline, List<Section> sections) {}

  /** Encodes a block; {@code baseline} false writes no deltas. */
  public static byte[] encode(boolean baseline, List<Section> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    out.write(VERSION);
    out.write(baseline ? 1 : 0);
    writeVarint(out, sections.size());
    for (Section s : sections) {
      out.write(s.level().ordinal());
      writeDouble(out, s.hitsScale());
      writeDouble(out, baseline ? s.deltaScale() : Double.NaN);
      List<Entry> sorted = new ArrayList<>(s.entries());
      sorted.sort(
          (a, b) ->
              a.hour() != b.hour()
                  ? Integer.compare(a.hour(), b.hour())
                  : a.activity() != b.activity()
                      ? Integer.compare(a.activity(), b.activity())
                      : a.sbi().compareTo(b.sbi()));
      writeVarint(out, sorted.size());
      for (Entry e : sorted) {
        switch (s.level()) {
          case TOTAL -> {}
          case HOUR -> out.write(e.hour());
          case SBI -> writeSbi(out, e.sbi());
          case CELL -> {
            out.write(e.hour());
            writeVarint(out, e.activity());
            writeSbi(out, e.sbi());
          }
          default -> throw new IllegalArgumentException("unknown level " + s.level());
        }
        out.write((e.released() ? 1 : 0) | (baseline && e.deltaReleased() ? 2 : 0));
        writeVarint(out, zigzag(e.hits()));
        if (baseline) {
          writeVarint(out, zigzag(e.deltaReleased() ? e.delta() : 0));
        }
      }
    }
    return out.toByteArray();
  }

  /** Decodes a block into records (tools and tests; the service streams with {@link #forEach}). */
  public static Decoded decode(byte[] block) {
    List<Section> sections = new ArrayList<>();
    boolean baseline =
        forEach(
            block,
            new Visitor() {
              private Level level;
              private double hitsScale;
              private double deltaScale;
              private List<Entry> entries;
              private int left;

              @Override
              public void section(Level l, double hs, double ds, int n) {
                level = l;
                hitsScale = hs;
                deltaScale = ds;
                entries = new ArrayList<>(n);
                left = n;
                if (n == 0) {
                  sections.add(new Section(level, hitsScale, deltaScale, entries));
                }
              }

              @Override
              public void entry(
                  int hour,
                  int activity,
                  int sbiKey,
                  boolean released,
                  long hits,
                  boolean deltaReleased,
                  long delta) {
                entries.add(
                    new Entry(
                        hour,
                        activity,
                        sbiKey == 0 ? "" : sbiOfKey(sbiKey),
                        released,
                        hits,
                        deltaReleased,
                        delta));
                if (--left == 0) {
                  sections.add(new Section(level, hitsScale, deltaScale, entries));
                }
              }
            });
    return new Decoded(baseline, sections);
  }

  /** Receives a block's values without a record each (the service's hot path). */
  public interface Visitor {
    /** A section starts: its level, noise scales and number of entries. */
    void section(Level level, double hitsScale, double deltaScale, int entries);

    /**
     * One value of the current section.
     *
     * @param hour 0-23, or -1 when the level has no hour
     * @param activity the activity, or 0 when the level has none
     * @param sbiKey {@link #sbiKey} of the SBI, or 0 when the level has none
     */
    void entry(
        int hour,
        int activity,
        int sbiKey,
        boolean released,
        long hits,
        boolean deltaReleased,
        long delta);
  }

  /**
   * Streams a block to {@code visitor}; returns whether the date has a baseline (deltas). An
   * unknown version, a truncated block or a bad field is an {@link IllegalArgumentException}.
   */
  public static boolean forEach(byte[] block, Visitor visitor) {
    if (block == null) {
      throw new IllegalArgumentException("release block is empty");
    }
    return forEach(block, 0, block.length, visitor);
  }

  /**
   * {@link #forEach(byte[], Visitor)} over {@code array[offset, offset + length)}: the service
   * reads a block where the store's client put it, without copying it out first.
   */
  public static boolean forEach(byte[] array, int offset, int length, Visitor visitor) {
    Reader r = new Reader(array, offset, length);
    int version = r.readByte();
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "release block version must be " + VERSION + ", got " + version);
    }
    boolean baseline = (r.readByte() & 1) != 0;
    long sections = r.readVarint();
    for (long s = 0; s < sections; s++) {
      int ordinal = r.readByte();
      if (ordinal >= LEVELS.length) {
        throw new IllegalArgumentException(
            "release block level " + ordinal + " is unknown at byte " + r.at());
      }
      Level level = LEVELS[ordinal];
      double hitsScale = r.readDouble();
      double deltaScale = r.readDouble();
      long n = r.readVarint();
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("release block section of " + n + " entries");
      }
      visitor.section(level, hitsScale, deltaScale, (int) n);
      for (long i = 0; i < n; i++) {
        int hour = -1;
        int activity = 0;
        int sbiKey = 0;
        switch (level) {
          case TOTAL -> {}
          case HOUR -> hour = r.readHour();
          case SBI -> sbiKey = r.readSbiKey();
          case CELL -> {
            hour = r.readHour();
            activity = (int) r.readVarint();
            sbiKey = r.readSbiKey();
          }
          default -> throw new IllegalArgumentException("unknown level " + level);
        }
        int flags = r.readByte();
        long hits = unzigzag(r.readVarint());
        long delta = baseline ? unzigzag(r.readVarint()) : 0;
        visitor.entry(hour, activity, sbiKey, (flags & 1) != 0, hits, (flags & 2) != 0, delta);
      }
    }
    if (!r.atEnd()) {
      throw new IllegalArgumentException("release block has " + r.left() + " bytes after its end");
    }
    return baseline;
  }

  /**
   * The variance of discrete Laplace noise of scale {@code b} (P(x) ∝ exp(-|x|/b)): with q =
   * e^(-1/b), 2q / (1 - q)^2; 0 for b = 0 (an exact value).
   */
  public static double variance(double scale) {
    if (!(scale >= 0)) {
      throw new IllegalArgumentException("noise scale must be >= 0, got " + scale);
    }
    if (scale == 0) {
      return 0;
    }
    double q = Math.exp(-1 / scale);
    double oneMinusQ = -Math.expm1(-1 / scale);
    return 2 * q / (oneMinusQ * oneMinusQ);
  }

  /**
   * Longest SBI a key holds. SBI codes are 2-5 digits; keys use a leading 1 (see {@link #sbiKey}).
   */
  public static final int MAX_SBI_KEY_DIGITS = 9;

  /**
   * The int key of a decimal SBI code: a leading 1 followed by the digits ({@code "47" → 147},
   * {@code "0111" → 10111}), so leading zeros survive and the mapping is one-to-one; -1 when {@code
   * sbi} is not 1-9 decimal digits.
   */
  public static int sbiKey(String sbi) {
    if (sbi.isEmpty() || sbi.length() > MAX_SBI_KEY_DIGITS) {
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
    if (key < 10) {
      throw new IllegalArgumentException("SBI key must be at least 10, got " + key);
    }
    return Integer.toString(key).substring(1);
  }

  private static void writeSbi(ByteArrayOutputStream out, String sbi) {
    if (sbiKey(sbi) < 0) {
      throw new IllegalArgumentException(
          "sbi must be 1-" + MAX_SBI_KEY_DIGITS + " decimal digits, got '" + sbi + "'");
    }
    byte[] b = sbi.getBytes(StandardCharsets.US_ASCII);
    out.write(b.length);
    out.write(b, 0, b.length);
  }

  private static void writeDouble(ByteArrayOutputStream out, double v) {
    long bits = Double.doubleToRawLongBits(v);
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (bits >>> shift));
    }
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static final class Reader {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    /** Reads {@code buf[offset, offset + length)}; positions in messages count from offset. */
    Reader(byte[] buf, int offset, int length) {
      if (buf == null || length <= 0) {
        throw new IllegalArgumentException("release block is empty");
      }
      if (offset < 0 || offset + length > buf.length) {
        throw new IllegalArgumentException(
            "release block of " + length + " bytes at " + offset + " outside " + buf.length);
      }
      this.buf = buf;
      this.start = offset;
      this.end = offset + length;
      this.pos = offset;
    }

    /** The position in the block (from its first byte). */
    int at() {
      return pos - start;
    }

    boolean atEnd() {
      return pos == end;
    }

    int left() {
      return end - pos;
    }

    int readByte() {
      if (pos >= end) {
        throw new IllegalArgumentException("release block truncated at byte " + at());
      }
      return buf[pos++] & 0xFF;
    }

    int readHour() {
      int h = readByte();
      if (h > 23) {
        throw new IllegalArgumentException("release block hour " + h + " at byte " + (at() - 1));
      }
      return h;
    }

    double readDouble() {
      if (pos + 8 > end) {
        throw new IllegalArgumentException("release block truncated at byte " + at());
      }
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | (buf[pos++] & 0xFF);
      }
      return Double.longBitsToDouble(bits);
    }

    long readVarint() {
      // One or two bytes (values below 16,384: nearly every value of a release) without a loop.
      if (pos + 1 < end) {
        int b0 = buf[pos];
        if (b0 >= 0) {
          pos++;
          return b0;
        }
        int b1 = buf[pos + 1];
        if (b1 >= 0) {
          pos += 2;
          return (b0 & 0x7F) | (b1 << 7);
        }
      }
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readByte();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("release block varint too long at byte " + at());
    }

    int readSbiKey() {
      int len = readByte();
      if (len < 1 || len > MAX_SBI_KEY_DIGITS) {
        throw new IllegalArgumentException(
            "release block SBI of " + len + " characters at byte " + at());
      }
      if (pos + len > end) {
        throw new IllegalArgumentException("release block truncated at byte " + at());
      }
      int k = 1;
      for (int i = 0; i < len; i++) {
        int b = buf[pos + i];
        if (b < '0' || b > '9') {
          throw new IllegalArgumentException(
              "release block SBI is not decimal at byte " + (at() + i));
        }
        k = k * 10 + (b - '0');
      }
      pos += len;
      return k;
    }
  }
}
