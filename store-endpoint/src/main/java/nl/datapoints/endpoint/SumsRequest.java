package nl.datapoints.endpoint;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.RowKey;

/**
 * What the service asks each region for (pure): the {@link AreaSums.Spec}, the dates with the
 * generation each is read at, the area's postcode4s (ascending) and the runs of key ranges that
 * cover them ({@link AreaRows}). The same bytes go to every region; each sums the rows it holds.
 *
 * @param spec levels, blocks and filters
 * @param dates the dates, ascending (date index = position)
 * @param generations per date the generation (HBase timestamp) it is read at
 * @param pc4s the area, ascending (postcode4 index = position)
 * @param runFirst per run the first postcode4 of its key range, ascending
 * @param runLast per run the last postcode4 of its key range
 */
public record SumsRequest(
    AreaSums.Spec spec,
    LocalDate[] dates,
    long[] generations,
    int[] pc4s,
    int[] runFirst,
    int[] runLast) {
  private static final byte VERSION = 1;
  private static final Level[] LEVELS = Level.values();

  public SumsRequest {
    if (dates.length != generations.length) {
      throw new IllegalArgumentException(
          dates.length + " dates but " + generations.length + " generations");
    }
    if (runFirst.length != runLast.length) {
      throw new IllegalArgumentException(
          runFirst.length + " run starts but " + runLast.length + " run ends");
    }
    for (int i = 0; i < runFirst.length; i++) {
      if (runFirst[i] > runLast[i] || (i > 0 && runFirst[i] <= runLast[i - 1])) {
        throw new IllegalArgumentException("runs must be ascending and disjoint, run " + i);
      }
    }
    for (int i = 1; i < pc4s.length; i++) {
      if (pc4s[i] <= pc4s[i - 1]) {
        throw new IllegalArgumentException("area postcode4s must be ascending and distinct");
      }
    }
    for (int i = 1; i < dates.length; i++) {
      if (!dates[i].isAfter(dates[i - 1])) {
        throw new IllegalArgumentException("dates must be ascending and distinct");
      }
    }
  }

  /** The row key of the first row of {@code date}'s runs. */
  public byte[] firstKey(int dateIndex) {
    return RowKey.of(dates[dateIndex], runFirst[0]).toBytes();
  }

  /** The row key of the last row of {@code date}'s runs (inclusive). */
  public byte[] lastKey(int dateIndex) {
    return RowKey.of(dates[dateIndex], runLast[runLast.length - 1]).toBytes();
  }

  /** The bytes of this request. */
  public byte[] toBytes() {
    int n =
        1
            + 7
            + 4 * (3 + spec.sbiKeys().length + spec.activities().length)
            + dates.length * 12
            + 4 * (2 + pc4s.length + 2 * runFirst.length);
    ByteBuffer out = ByteBuffer.allocate(n);
    out.put(VERSION);
    out.put((byte) spec.totals().ordinal())
        .put((byte) spec.points().ordinal())
        .put((byte) spec.timeline().ordinal())
        .put((byte) spec.stats().ordinal());
    out.put((byte) ((spec.area() ? 1 : 0) | (spec.cells() ? 2 : 0)));
    out.put((byte) (spec.sbiFiltered() ? 1 : 0));
    out.put((byte) 0);
    putInts(out, spec.sbiKeys());
    putInts(out, spec.activities());
    out.putInt(dates.length);
    for (int i = 0; i < dates.length; i++) {
      out.putInt((int) dates[i].toEpochDay()).putLong(generations[i]);
    }
    putInts(out, pc4s);
    out.putInt(runFirst.length);
    for (int i = 0; i < runFirst.length; i++) {
      out.putInt(runFirst[i]).putInt(runLast[i]);
    }
    return out.array();
  }

  /** Reads {@link #toBytes}; anything else is an {@link IllegalArgumentException}. */
  public static SumsRequest of(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "area sums request version must be " + VERSION + ", got " + version);
      }
      Level totals = level(in.get());
      Level points = level(in.get());
      Level timeline = level(in.get());
      Level stats = level(in.get());
      int blocks = in.get();
      boolean sbiFiltered = in.get() == 1;
      in.get();
      AreaSums.Spec spec =
          new AreaSums.Spec(
              totals,
              points,
              timeline,
              stats,
              (blocks & 1) != 0,
              (blocks & 2) != 0,
              sbiFiltered,
              getInts(in),
              getInts(in));
      int nd = count(in, 12);
      LocalDate[] dates = new LocalDate[nd];
      long[] gens = new long[nd];
      for (int i = 0; i < nd; i++) {
        dates[i] = LocalDate.ofEpochDay(in.getInt());
        gens[i] = in.getLong();
      }
      int[] pc4s = getInts(in);
      int nr = count(in, 8);
      int[] first = new int[nr];
      int[] last = new int[nr];
      for (int i = 0; i < nr; i++) {
        first[i] = in.getInt();
        last[i] = in.getInt();
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(
            "area sums request has " + in.remaining() + " bytes after its end");
      }
      return new SumsRequest(spec, dates, gens, pc4s, first, last);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException(
          "area sums request is truncated (" + bytes.length + " bytes)", e);
    }
  }

  private static Level level(byte ordinal) {
    if (ordinal < 0 || ordinal >= LEVELS.length) {
      throw new IllegalArgumentException("area sums request level " + ordinal + " is unknown");
    }
    return LEVELS[ordinal];
  }

  private static void putInts(ByteBuffer out, int[] values) {
    out.putInt(values.length);
    for (int v : values) {
      out.putInt(v);
    }
  }

  private static int count(ByteBuffer in, int bytesEach) {
    int n = in.getInt();
    if (n < 0 || (long) n * bytesEach > in.remaining()) {
      throw new IllegalArgumentException("area sums request count " + n + " is truncated");
    }
    return n;
  }

  private static int[] getInts(ByteBuffer in) {
    int[] out = new int[count(in, 4)];
    for (int i = 0; i < out.length; i++) {
      out[i] = in.getInt();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SumsRequest r
        && spec.equals(r.spec)
        && Arrays.equals(dates, r.dates)
        && Arrays.equals(generations, r.generations)
        && Arrays.equals(pc4s, r.pc4s)
        && Arrays.equals(runFirst, r.runFirst)
        && Arrays.equals(runLast, r.runLast);
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + Arrays.hashCode(pc4s) + 7 * Arrays.hashCode(dates);
  }

  @Override
  public String toString() {
    return "SumsRequest["
        + spec
        + ", dates="
        + Arrays.toString(dates)
        + ", "
        + pc4s.length
        + " postcode4s in "
        + runFirst.length
        + " runs]";
  }
}
