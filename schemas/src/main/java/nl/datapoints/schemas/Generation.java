package nl.datapoints.schemas;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One published generation of a date, as recorded in the pointer row (docs/formats.md §5).
 *
 * <p>Two encodings, told apart by their first byte:
 *
 * <ul>
 *   <li>format 1, 33 bytes (a release without a privacy guarantee, store layouts 1-2): id (8,
 *       big-endian epoch millis of the run that built it; its first byte is 0 until the year 4254),
 *       publishedAt (8, epoch millis of the pointer flip that first made it current), flags (1; bit
 *       0 = the date's baseline D-7 was missing, so every delta of the date is null), cells (8),
 *       hits (8);
 *   <li>format 2, 50 bytes (a differentially private release, store layout 3): the byte {@code 2},
 *       then the 33 bytes of format 1, then epsilon (8, IEEE double) and delta (8, IEEE double) of
 *       the date's privacy guarantee.
 * </ul>
 *
 * A list of generations is the concatenation of their encodings, newest first.
 *
 * @param id generation id; also the HBase timestamp of every data cell of the generation
 * @param publishedAt when the generation was first made current
 * @param baselineMissing true when D-7 was never released, so deltas of the date are null
 * @param cells number of values published in the generation
 * @param hits sum of the published (released) hits of the date's totals
 * @param privacyEpsilon epsilon of the date's guarantee per user-day, or NaN for a release without
 *     one
 * @param privacyDelta delta of the date's guarantee per user-day, or NaN for a release without one
 */
public record Generation(
    long id,
    long publishedAt,
    boolean baselineMissing,
    long cells,
    long hits,
    double privacyEpsilon,
    double privacyDelta) {
  /** Encoded width of a generation in format 1. */
  public static final int WIDTH = 33;

  /** Encoded width of a generation in format 2. */
  public static final int WIDTH_PRIVATE = 50;

  private static final byte FORMAT_PRIVATE = 2;

  public Generation {
    if (id <= 0 || id >>> 56 != 0) {
      throw new IllegalArgumentException(
          "generation id must be positive and below 2^56, got " + id);
    }
    if (Double.isNaN(privacyEpsilon) != Double.isNaN(privacyDelta)) {
      throw new IllegalArgumentException(
          "a privacy guarantee needs both epsilon and delta, got "
              + privacyEpsilon
              + " and "
              + privacyDelta);
    }
    if (!Double.isNaN(privacyEpsilon)
        && !(privacyEpsilon > 0 && privacyDelta >= 0 && privacyDelta < 1)) {
      throw new IllegalArgumentException(
          "privacy epsilon must be > 0 and delta in [0, 1), got "
              + privacyEpsilon
              + " and "
              + privacyDelta);
    }
  }

  /** A generation without a privacy guarantee (format 1). */
  public Generation(long id, long publishedAt, boolean baselineMissing, long cells, long hits) {
    this(id, publishedAt, baselineMissing, cells, hits, Double.NaN, Double.NaN);
  }

  /**
   * True when the generation is a differentially private release (it records epsilon and delta).
   */
  public boolean isPrivate() {
    return !Double.isNaN(privacyEpsilon);
  }

  /** The encoding: format 2 for a private release, else format 1. */
  public byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(isPrivate() ? WIDTH_PRIVATE : WIDTH);
    encodeInto(b);
    return b.array();
  }

  private void encodeInto(ByteBuffer b) {
    if (isPrivate()) {
      b.put(FORMAT_PRIVATE);
    }
    b.putLong(id)
        .putLong(publishedAt)
        .put((byte) (baselineMissing ? 1 : 0))
        .putLong(cells)
        .putLong(hits);
    if (isPrivate()) {
      b.putDouble(privacyEpsilon).putDouble(privacyDelta);
    }
  }

  /** Decodes one generation (either format). */
  public static Generation parse(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("generation must not be null");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    Generation g = read(b, bytes.length);
    if (b.hasRemaining()) {
      throw new IllegalArgumentException(
          "generation of format "
              + (g.isPrivate() ? 2 : 1)
              + " must be "
              + (g.isPrivate() ? WIDTH_PRIVATE : WIDTH)
              + " bytes, got "
              + bytes.length);
    }
    return g;
  }

  private static Generation read(ByteBuffer b, int total) {
    boolean priv = b.get(b.position()) == FORMAT_PRIVATE;
    int width = priv ? WIDTH_PRIVATE : WIDTH;
    if (b.remaining() < width) {
      throw new IllegalArgumentException(
          "generation of format "
              + (priv ? 2 : 1)
              + " must be "
              + width
              + " bytes, got "
              + b.remaining()
              + " of "
              + total);
    }
    if (priv) {
      b.get();
    } else if (b.get(b.position()) != 0) {
      throw new IllegalArgumentException(
          "generation starts with an unknown format byte "
              + b.get(b.position())
              + " at byte "
              + b.position());
    }
    long id = b.getLong();
    long at = b.getLong();
    boolean missing = (b.get() & 1) != 0;
    long cells = b.getLong();
    long hits = b.getLong();
    return priv
        ? new Generation(id, at, missing, cells, hits, b.getDouble(), b.getDouble())
        : new Generation(id, at, missing, cells, hits);
  }

  /** Encodes a list (newest first by convention). */
  public static byte[] listToBytes(List<Generation> gens) {
    int size = 0;
    for (Generation g : gens) {
      size += g.isPrivate() ? WIDTH_PRIVATE : WIDTH;
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    for (Generation g : gens) {
      g.encodeInto(b);
    }
    return b.array();
  }

  /** Decodes a list written by {@link #listToBytes(List)}. */
  public static List<Generation> parseList(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("generation list must not be null");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    List<Generation> out = new ArrayList<>();
    while (b.hasRemaining()) {
      out.add(read(b, bytes.length));
    }
    return out;
  }
}
