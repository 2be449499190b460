package nl.datapoints.serving.core;

import java.util.Arrays;

/**
 * Hits and delta summed per SBI key ({@code CellBlock.sbiKey}): an open-addressing int map with two
 * parallel long arrays, so summing tens of thousands of rollup entries per query allocates nothing
 * per entry (no String, no boxed key). Not thread-safe: one per request.
 */
final class SbiSums {
  private int[] keys = new int[64];
  private long[] hits = new long[64];
  private long[] delta = new long[64];
  private int size;

  /** Adds to the sums of {@code key} (positive). */
  void add(int key, long h, long d) {
    int i = slot(key);
    if (keys[i] == 0) {
      keys[i] = key;
      if (++size * 2 > keys.length) {
        grow();
        i = slot(key);
      }
    }
    hits[i] += h;
    delta[i] += d;
  }

  int size() {
    return size;
  }

  /** Calls {@code visitor} once per key with its sums, in no particular order. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.visit(keys[i], hits[i], delta[i]);
      }
    }
  }

  interface Visitor {
    void visit(int key, long hits, long delta);
  }

  private int slot(int key) {
    int mask = keys.length - 1;
    int i = (key * 0x9E3779B9 >>> 7) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    int[] oldKeys = keys;
    long[] oldHits = hits;
    long[] oldDelta = delta;
    keys = new int[oldKeys.length * 2];
    hits = new long[keys.length];
    delta = new long[keys.length];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        keys[i] = oldKeys[j];
        hits[i] = oldHits[j];
        delta[i] = oldDelta[j];
      }
    }
  }

  @Override
  public String toString() {
    return "SbiSums" + Arrays.toString(Arrays.stream(keys).filter(k -> k != 0).toArray());
  }
}
