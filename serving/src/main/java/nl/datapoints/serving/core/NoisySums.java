package nl.datapoints.serving.core;

import java.util.Arrays;
import nl.datapoints.schemas.Margins;

/**
 * Sums of released values per slot (pure, primitive arrays, nothing allocated per value): for hits
 * and for delta the sum of the values, of their noise variances and of the squares of those
 * variances — what {@link Margins#moe95} needs — and whether any released value was summed at all.
 * A value that is not released is an exact 0 and is not added. Not thread-safe.
 */
final class NoisySums {
  private long[] hits;
  private double[] hitsVar;
  private double[] hitsVar2;
  private long[] delta;
  private double[] deltaVar;
  private double[] deltaVar2;
  private boolean[] any;

  NoisySums(int slots) {
    hits = new long[slots];
    hitsVar = new double[slots];
    hitsVar2 = new double[slots];
    delta = new long[slots];
    deltaVar = new double[slots];
    deltaVar2 = new double[slots];
    any = new boolean[slots];
  }

  /** Adds a released hits value with noise variance {@code variance}. */
  void addHits(int slot, long value, double variance) {
    hits[slot] += value;
    hitsVar[slot] += variance;
    hitsVar2[slot] += variance * variance;
    any[slot] = true;
  }

  /**
   * Adds a released delta value (the released hits of D-7) with noise variance {@code variance}.
   */
  void addDelta(int slot, long value, double variance) {
    delta[slot] += value;
    deltaVar[slot] += variance;
    deltaVar2[slot] += variance * variance;
    any[slot] = true;
  }

  /** Whether any released value (hits or delta) was added to {@code slot}. */
  boolean any(int slot) {
    return any[slot];
  }

  /** The sum of hits as summed: unbiased, possibly negative. */
  long rawHits(int slot) {
    return hits[slot];
  }

  /** The sum of deltas as summed: unbiased, possibly negative. */
  long rawDelta(int slot) {
    return delta[slot];
  }

  /** The hits shown: the sum, or 0 when the sum is negative (a count cannot be). */
  long shownHits(int slot) {
    return Math.max(0, hits[slot]);
  }

  /** The delta shown: the sum, or 0 when the sum is negative. */
  long shownDelta(int slot) {
    return Math.max(0, delta[slot]);
  }

  /** The 95% margin of error of the hits of {@code slot}. */
  long hitsMoe(int slot) {
    return Margins.moe95(hitsVar[slot], hitsVar2[slot]);
  }

  /** The 95% margin of error of the delta of {@code slot}. */
  long deltaMoe(int slot) {
    return Margins.moe95(deltaVar[slot], deltaVar2[slot]);
  }

  int size() {
    return hits.length;
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
