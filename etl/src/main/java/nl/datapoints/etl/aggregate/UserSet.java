package nl.datapoints.etl.aggregate;

import java.util.Arrays;

/**
 * A set of 128-bit user keys capped at {@code k} members: once it holds {@code k} distinct keys it
 * is saturated and forgets them, because the threshold only asks "fewer than k or not". Pure (no
 * Hadoop types); used by tasks.
 */
final class UserSet {
  private final int cap;
  private long[] keys; // pairs (hi, lo)
  private int size;
  private boolean saturated;

  UserSet(int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be >= 1, was " + cap);
    }
    this.cap = cap;
    this.keys = new long[2 * Math.min(cap, 4)];
  }

  /** Adds one user key given as its two big-endian halves. */
  void add(long hi, long lo) {
    if (saturated) {
      return;
    }
    long[] k = keys;
    for (int i = 0, n = 2 * size; i < n; i += 2) {
      if (k[i] == hi && k[i + 1] == lo) {
        return;
      }
    }
    if (size + 1 >= cap) {
      saturate();
      return;
    }
    if (2 * size + 2 > k.length) {
      keys = k = Arrays.copyOf(k, Math.min(2 * cap, 2 * k.length));
    }
    k[2 * size] = hi;
    k[2 * size + 1] = lo;
    size++;
  }

  /** Adds every member of {@code other} (a saturated other saturates this set). */
  void addAll(UserSet other) {
    if (other.saturated) {
      saturate();
      return;
    }
    for (int i = 0; i < other.size && !saturated; i++) {
      add(other.keys[2 * i], other.keys[2 * i + 1]);
    }
  }

  /** Marks the set as holding at least {@code cap} distinct users. */
  void saturate() {
    saturated = true;
    size = 0;
  }

  /** True when at least {@code cap} distinct users were added. */
  boolean saturated() {
    return saturated;
  }

  /** Number of remembered keys; 0 once saturated. */
  int size() {
    return size;
  }

  /** Distinct users seen, capped at {@code cap}. */
  int distinctCapped() {
    return saturated ? cap : size;
  }

  long hi(int i) {
    return keys[2 * i];
  }

  long lo(int i) {
    return keys[2 * i + 1];
  }

  void clear() {
    size = 0;
    saturated = false;
  }
}
