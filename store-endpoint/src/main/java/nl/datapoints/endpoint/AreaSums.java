package nl.datapoints.endpoint;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;

/**
 * The sums of one area query (pure): release blocks go in ({@link #block}), per part the values of
 * the level its {@link Spec} names are summed into {@link NoisySums} — totals, timeline per date ×
 * hour, points per postcode4 of the area, stats per SBI — with the SBI as an int key, so nothing is
 * allocated per value. The same sums run in the service over the blocks it scans, and in each
 * region server over its own rows ({@code AreaSumsEndpoint}): {@link #toBytes} and {@link #add}
 * carry a region's sums to the service, where they add up to the sums over every row (hits exactly;
 * the noise variances up to the order of the additions). Not thread-safe: one per request.
 */
public final class AreaSums {
  /** Hours of a date in the timeline. */
  public static final int HOURS = 24;

  private static final byte VERSION = 1;

  /**
   * What a query sums: the level of each part, the blocks it reads and its filters.
   *
   * @param totals level of the totals
   * @param points level of the points (per postcode4)
   * @param timeline level of the timeline (per date × hour)
   * @param stats level of the per-SBI stats
   * @param area whether the area block ({@code r:a}) is summed
   * @param cells whether the cells block ({@code d:c}) is summed
   * @param sbiFiltered whether an SBI filter applies (an empty {@code sbiKeys} then matches none)
   * @param sbiKeys the {@link ReleaseBlock#sbiKey}s of the filter, ascending
   * @param activities the activity filter, ascending (empty: none)
   */
  public record Spec(
      Level totals,
      Level points,
      Level timeline,
      Level stats,
      boolean area,
      boolean cells,
      boolean sbiFiltered,
      int[] sbiKeys,
      int[] activities) {
    public Spec {
      sbiKeys = sorted(sbiKeys);
      activities = sorted(activities);
    }

    private static int[] sorted(int[] a) {
      int[] c = a.clone();
      Arrays.sort(c);
      return c;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spec s
          && totals == s.totals
          && points == s.points
          && timeline == s.timeline
          && stats == s.stats
          && area == s.area
          && cells == s.cells
          && sbiFiltered == s.sbiFiltered
          && Arrays.equals(sbiKeys, s.sbiKeys)
          && Arrays.equals(activities, s.activities);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(
              new Object[] {totals, points, timeline, stats, area, cells, sbiFiltered})
          + 31 * Arrays.hashCode(sbiKeys)
          + 961 * Arrays.hashCode(activities);
    }

    @Override
    public String toString() {
      return "Spec["
          + String.join(
              ", ",
              "totals=" + totals,
              "points=" + points,
              "timeline=" + timeline,
              "stats=" + stats,
              "area=" + area,
              "cells=" + cells,
              "sbi=" + (sbiFiltered ? Arrays.toString(sbiKeys) : "any"),
              "activities=" + Arrays.toString(activities))
          + "]";
    }
  }

  private final Spec spec;
  private final int dates;
  private final int areaSize;
  private final NoisySums totals = new NoisySums(1);
  private final NoisySums hours;
  private final NoisySums points;
  private final SbiSums bySbi = new SbiSums();
  private final Adder adder = new Adder();
  private long blocks;

  /** Empty sums of a query over {@code dates} dates and an area of {@code areaSize} postcode4s. */
  public AreaSums(Spec spec, int dates, int areaSize) {
    if (dates < 0 || areaSize < 0) {
      throw new IllegalArgumentException(
          "dates and area size must be >= 0, got " + dates + " and " + areaSize);
    }
    this.spec = spec;
    this.dates = dates;
    this.areaSize = areaSize;
    this.hours = new NoisySums(dates * HOURS);
    this.points = new NoisySums(areaSize);
  }

  public Spec spec() {
    return spec;
  }

  /**
   * Sums one block of the row of date {@code dateIndex} and postcode4 {@code pc4Index}: its bytes
   * are {@code array[offset, offset + length)}; a block the spec does not read adds nothing.
   *
   * @param cells true for the cells block ({@code d:c}), false for the area block ({@code r:a})
   */
  public void block(
      int dateIndex, int pc4Index, boolean cells, byte[] array, int offset, int length) {
    if (cells ? spec.cells() : spec.area()) {
      adder.at(dateIndex, pc4Index);
      ReleaseBlock.forEach(array, offset, length, adder);
      blocks++;
    }
  }

  /** Number of blocks summed (here and in every added part). */
  public long blocks() {
    return blocks;
  }

  /** The totals: one slot. */
  public NoisySums totals() {
    return totals;
  }

  /** The timeline: slot {@code date index × 24 + hour}. */
  public NoisySums hours() {
    return hours;
  }

  /** The points: slot = index of the postcode4 in the area. */
  public NoisySums points() {
    return points;
  }

  /** The stats per SBI key. */
  public SbiSums bySbi() {
    return bySbi;
  }

  /**
   * The sums as bytes for {@link #add}: version, dimensions, blocks summed, then per part the slots
   * with a value (slot, or SBI key, and the six sums).
   */
  public byte[] toBytes() {
    NoisySums sbi = bySbi.sums();
    int slots = totals.used() + hours.used() + points.used() + sbi.used();
    ByteBuffer out =
        ByteBuffer.allocate(1 + 4 * 2 + 8 + 4 * 4 + slots * (Integer.BYTES + NoisySums.SLOT_BYTES));
    out.put(VERSION).putInt(dates).putInt(areaSize).putLong(blocks);
    writeSlots(out, totals, null);
    writeSlots(out, hours, null);
    writeSlots(out, points, null);
    writeSlots(out, sbi, bySbi);
    return out.array();
  }

  private static void writeSlots(ByteBuffer out, NoisySums sums, SbiSums keys) {
    out.putInt(sums.used());
    int n = keys != null ? keys.size() : sums.size();
    for (int slot = 0; slot < n; slot++) {
      if (sums.any(slot)) {
        out.putInt(keys != null ? keys.key(slot) : slot);
        sums.write(out, slot);
      }
    }
  }

  /**
   * Adds the sums of another part of the same query's rows ({@link #toBytes} of sums with the same
   * dimensions). Bytes of another query or a truncated part are an {@link
   * IllegalArgumentException}.
   */
  public void add(byte[] part) {
    add(ByteBuffer.wrap(part), 0, true);
  }

  /**
   * Adds the sums of the rows of a contiguous group of this query's dates: {@code part} counts its
   * dates from 0, which are this query's dates from {@code dateOffset} on (the service asks for a
   * query's dates in groups, in parallel).
   */
  public void add(byte[] part, int dateOffset) {
    add(ByteBuffer.wrap(part), dateOffset, false);
  }

  /**
   * As {@link #add(byte[], int)}, from the remaining bytes of {@code part} (read from its position
   * to its limit, which it is left at).
   */
  public void add(ByteBuffer part, int dateOffset) {
    add(part, dateOffset, false);
  }

  private void add(ByteBuffer part, int dateOffset, boolean whole) {
    ByteBuffer in = part.order(ByteOrder.BIG_ENDIAN);
    int size = in.remaining();
    try {
      byte version = in.get();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "area sums version must be " + VERSION + ", got " + version);
      }
      int d = in.getInt();
      int a = in.getInt();
      if (a != areaSize
          || dateOffset < 0
          || (whole ? d != dates : d < 0 || (long) d + dateOffset > dates)) {
        throw new IllegalArgumentException(
            "area sums of "
                + d
                + " dates x "
                + a
                + " postcode4s"
                + (whole ? "" : " from date " + dateOffset)
                + " cannot add to sums of "
                + dates
                + " x "
                + areaSize);
      }
      blocks += in.getLong();
      addSlots(in, totals, null, 0, 1);
      addSlots(in, hours, null, dateOffset * HOURS, d * HOURS);
      addSlots(in, points, null, 0, areaSize);
      addSlots(in, bySbi.sums(), bySbi, 0, 0);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(
            "area sums have " + in.remaining() + " bytes after their end");
      }
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("area sums are truncated (" + size + " bytes)", e);
    }
  }

  /** Adds {@code slot + offset} for each slot in {@code 0..slots-1} (keys: any positive key). */
  private static void addSlots(ByteBuffer in, NoisySums sums, SbiSums keys, int offset, int slots) {
    int n = in.getInt();
    if (n < 0 || (long) n * (Integer.BYTES + NoisySums.SLOT_BYTES) > in.remaining()) {
      throw new IllegalArgumentException("area sums part of " + n + " slots is truncated");
    }
    for (int i = 0; i < n; i++) {
      int s = in.getInt();
      int slot;
      if (keys != null) {
        if (s <= 0) {
          throw new IllegalArgumentException("area sums SBI key must be > 0, got " + s);
        }
        slot = keys.slot(s);
      } else {
        if (s < 0 || s >= slots) {
          throw new IllegalArgumentException(
              "area sums slot " + s + " is out of 0.." + (slots - 1));
        }
        slot = s + offset;
      }
      sums.add(in, slot);
    }
  }

  /**
   * Routes each value of a block to the sums whose level it is; one per instance, reused for every
   * row.
   */
  private final class Adder implements ReleaseBlock.Visitor {
    private int timelineBase;
    private int pc4Index;
    private boolean toTotals;
    private boolean toPoints;
    private boolean toTimeline;
    private boolean toStats;
    private boolean checkSbi;
    private boolean checkActivity;
    private double hitsVariance;
    private double deltaVariance;
    // The variance of the last scale seen per level: a level's scale is the same in every row of
    // a date, and the variance takes two exponentials.
    private final double[] lastScale = new double[Level.values().length * 2];
    private final double[] lastVariance = new double[lastScale.length];
    // Per position in an SBI section the key and slot of the last row's entry there: the rows of a
    // release list the same SBIs in the same order, so the map is asked only when they differ.
    private int entryIndex;
    private int[] sbiKeyAt = new int[64];
    private int[] sbiSlotAt = new int[64];

    Adder() {
      Arrays.fill(lastScale, Double.NaN);
      Arrays.fill(sbiKeyAt, -1);
    }

    void at(int dateIndex, int pc4) {
      timelineBase = dateIndex * HOURS;
      pc4Index = pc4;
    }

    @Override
    public void section(Level level, double hitsScale, double deltaScale, int entries) {
      toTotals = level == spec.totals();
      toPoints = level == spec.points();
      toTimeline = level == spec.timeline();
      toStats = level == spec.stats();
      boolean used = toTotals || toPoints || toTimeline || toStats;
      hitsVariance = used ? variance(level.ordinal() * 2, hitsScale) : 0;
      // Without a baseline the block records no delta scale (NaN) and no delta is released.
      deltaVariance =
          used && !Double.isNaN(deltaScale) ? variance(level.ordinal() * 2 + 1, deltaScale) : 0;
      entryIndex = 0;
      checkSbi = spec.sbiFiltered() && (level == Level.SBI || level == Level.CELL);
      checkActivity = spec.activities().length > 0 && level == Level.CELL;
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
      int at = entryIndex++;
      if (!released && !deltaReleased) {
        return;
      }
      if (checkActivity && Arrays.binarySearch(spec.activities(), activity) < 0) {
        return;
      }
      if (checkSbi && Arrays.binarySearch(spec.sbiKeys(), sbiKey) < 0) {
        return;
      }
      if (toTotals) {
        add(totals, 0, released, hits, deltaReleased, delta);
      }
      if (toPoints) {
        add(points, pc4Index, released, hits, deltaReleased, delta);
      }
      if (toTimeline) {
        add(hours, timelineBase + hour, released, hits, deltaReleased, delta);
      }
      if (toStats) {
        add(bySbi.sums(), sbiSlot(at, sbiKey), released, hits, deltaReleased, delta);
      }
    }

    private double variance(int key, double scale) {
      // != on doubles: the NaN of a level not yet seen, or a NaN scale (which variance rejects),
      // is never a hit.
      if (scale != lastScale[key]) {
        lastVariance[key] = ReleaseBlock.variance(scale);
        lastScale[key] = scale;
      }
      return lastVariance[key];
    }

    private int sbiSlot(int at, int sbiKey) {
      if (at >= sbiKeyAt.length) {
        int n = sbiKeyAt.length;
        sbiKeyAt = Arrays.copyOf(sbiKeyAt, Math.max(at + 1, n * 2));
        Arrays.fill(sbiKeyAt, n, sbiKeyAt.length, -1);
        sbiSlotAt = Arrays.copyOf(sbiSlotAt, sbiKeyAt.length);
      }
      if (sbiKeyAt[at] != sbiKey) {
        sbiSlotAt[at] = bySbi.slot(sbiKey);
        sbiKeyAt[at] = sbiKey;
      }
      return sbiSlotAt[at];
    }

    private void add(
        NoisySums sums, int slot, boolean released, long hits, boolean deltaReleased, long delta) {
      if (released) {
        sums.addHits(slot, hits, hitsVariance);
      }
      if (deltaReleased) {
        sums.addDelta(slot, delta, deltaVariance);
      }
    }
  }
}
