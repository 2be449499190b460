package nl.datapoints.endpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import nl.datapoints.schemas.Margins;

/**
 * Sums of released values per slot (pure, primitive arrays, nothing allocated per value): for hits
 * and for delta the sum of the values, of their noise variances and of the squares of those
 * variances — what {@link Margins#moe95} needs — and whether any released value was summed at all.
 * A value that is not released is an exact 0 and is not added. Not thread-safe.
 */
public final class NoisySums {
  private long[] hits;
  private double[] hitsVar;
  private double[] hitsVar2;
  private long[] delta;
  private double[] deltaVar;
  private double[] deltaVar2;
  private boolean[] any;

  public NoisySums(int slots) {
    hits = new long[slots];
    hitsVar = new double[slots];
    hitsVar2 = new double[slots];
    delta = new long[slots];
    deltaVar = new double[slots];
    deltaVar2 = new double[slots];
    any = new boolean[slots];
  }

  /** Adds a released hits value with noise variance {@code variance}. */
  public void addHits(int slot, long value, double variance) {
    hits[slot] += value;
    hitsVar[slot] += variance;
    hitsVar2[slot] += variance * variance;
    any[slot] = true;
  }

  /**
   * Adds a released delta value (the released hits of D-7) with noise variance {@code variance}.
   */
  public void addDelta(int slot, long value, double variance) {
    delta[slot] += value;
    deltaVar[slot] += variance;
    deltaVar2[slot] += variance * variance;
    any[slot] = true;
  }

  /** Whether any released value (hits or delta) was added to {@code slot}. */
  public boolean any(int slot) {
    return any[slot];
  }

  /** The sum of hits as summed: unbiased, possibly negative. */
  public long rawHits(int slot) {
    return hits[slot];
  }

  /** The sum of deltas as summed: unbiased, possibly negative. */
  public long rawDelta(int slot) {
    return delta[slot];
  }

  /** The hits shown: the sum, or 0 when the sum is negative (a count cannot be). */
  public long shownHits(int slot) {
    return Math.max(0, hits[slot]);
  }

  /** The delta shown: the sum, or 0 when the sum is negative. */
  public long shownDelta(int slot) {
    return Math.max(0, delta[slot]);
  }

  /** The 95% margin of error of the hits of {@code slot}. */
  public long hitsMoe(int slot) {
    return Margins.moe95(hitsVar[slot], hitsVar2[slot]);
  }

  /** The 95% margin of error of the delta of {@code slot}. */
  public long deltaMoe(int slot) {
    return Margins.moe95(deltaVar[slot], deltaVar2[slot]);
  }

  public int size() {
    return hits.length;
  }

  /** Bytes {@link #write} takes per slot that has a value. */
  static final int SLOT_BYTES = Long.BYTES * 2 + Double.BYTES * 4;

  /** The number of slots with any released value. */
  int used() {
    int n = 0;
    for (boolean a : any) {
      n += a ? 1 : 0;
    }
    return n;
  }

  /** Writes the six sums of {@code slot} ({@link #SLOT_BYTES}). */
  void write(ByteBuffer out, int slot) {
    out.putLong(hits[slot]).putDouble(hitsVar[slot]).putDouble(hitsVar2[slot]);
    out.putLong(delta[slot]).putDouble(deltaVar[slot]).putDouble(deltaVar2[slot]);
  }

  /**
   * Adds sums {@link #write} wrote to {@code slot}: the sums of a part of the values plus those of
   * the rest are the sums of all of them (hits exactly; variances up to the order of additions).
   */
  void add(ByteBuffer in, int slot) {
    hits[slot] += in.getLong();
    hitsVar[slot] += in.getDouble();
    hitsVar2[slot] += in.getDouble();
    delta[slot] += in.getLong();
    deltaVar[slot] += in.getDouble();
    deltaVar2[slot] += in.getDouble();
    any[slot] = true;
  }

  /** Grows to {@code slots} slots (new ones empty); existing slots keep their sums. */
  void resize(int slots) {
    hits = Arrays.copyOf(hits, slots);
    hitsVar = Arrays.copyOf(hitsVar, slots);
    hitsVar2 = Arrays.copyOf(hitsVar2, slots);
    delta = Arrays.copyOf(delta, slots);
    deltaVar = Arrays.copyOf(deltaVar, slots);
    deltaVar2 = Arrays.copyOf(deltaVar2, slots);
    any = Arrays.copyOf(any, slots);
  }
}
