package nl.datapoints.schemas;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One published generation of a date, as recorded in the pointer row.
 *
 * <p>Encoded as 33 bytes: id (8, big-endian epoch millis of the run that built it), publishedAt (8,
 * epoch millis of the pointer flip that first made it current), flags (1; bit 0 = the date's
 * baseline D-7 was missing, so every delta of the date is null), cells (8), hits (8). A list of
 * generations is the concatenation of their encodings, newest first.
 *
 * @param id generation id; also the HBase timestamp of every data cell of the generation
 * @param publishedAt when the generation was first made current
 * @param baselineMissing true when D-7 was never published, so deltas of the date are null
 * @param cells number of published cells in the generation
 * @param hits sum of published hits in the generation
 */
public record Generation(
    long id, long publishedAt, boolean baselineMissing, long cells, long hits) {
  /** Encoded width of one generation. */
  public static final int WIDTH = 33;

  public Generation {
    if (id <= 0) {
      throw new IllegalArgumentException("generation id must be positive, got " + id);
    }
  }

  /** The 33-byte encoding. */
  public byte[] toBytes() {
    return encodeInto(ByteBuffer.allocate(WIDTH)).array();
  }

  private ByteBuffer encodeInto(ByteBuffer b) {
    b.putLong(id)
        .putLong(publishedAt)
        .put((byte) (baselineMissing ? 1 : 0))
        .putLong(cells)
        .putLong(hits);
    return b.flip();
  }

  /** Decodes one generation. */
  public static Generation parse(byte[] bytes) {
    if (bytes == null || bytes.length != WIDTH) {
      throw new IllegalArgumentException(
          "generation must be " + WIDTH + " bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return read(ByteBuffer.wrap(bytes));
  }

  private static Generation read(ByteBuffer b) {
    long id = b.getLong();
    long at = b.getLong();
    boolean missing = (b.get() & 1) != 0;
    return new Generation(id, at, missing, b.getLong(), b.getLong());
  }

  /** Encodes a list (newest first by convention). */
  public static byte[] listToBytes(List<Generation> gens) {
    ByteBuffer b = ByteBuffer.allocate(WIDTH * gens.size());
    for (Generation g : gens) {
      b.put(g.encodeInto(ByteBuffer.allocate(WIDTH)));
    }
    return b.array();
  }

  /** Decodes a list written by {@link #listToBytes(List)}. */
  public static List<Generation> parseList(byte[] bytes) {
    if (bytes == null || bytes.length % WIDTH != 0) {
      throw new IllegalArgumentException(
          "generation list must be a multiple of "
              + WIDTH
              + " bytes, got "
              + (bytes == null ? "null" : bytes.length));
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    List<Generation> out = new ArrayList<>(bytes.length / WIDTH);
    while (b.hasRemaining()) {
      out.add(read(b));
    }
    return out;
  }
}
