package nl.datapoints.etl.reference;

import java.util.Arrays;

/**
 * Open-addressing map from a 64-bit key to a String, so merchant lookups box nothing (used in
 * tasks).
 */
final class LongStringMap {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private String[] values;
  private int size;
  private int mask;

  LongStringMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    values = new String[capacity];
    mask = capacity - 1;
  }

  /**
   * Stores the value; returns the previous one or null. The key {@code Long.MIN_VALUE} is not
   * allowed.
   */
  String put(long key, String value) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("key " + key + " is reserved");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = slot(key);
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        String old = values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return null;
  }

  /** The value for the key, or null. */
  String get(long key) {
    int i = slot(key);
    long k;
    while ((k = keys[i]) != EMPTY) {
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  int size() {
    return size;
  }

  /** Calls {@code action} with every value (in no particular order). */
  void forEachValue(java.util.function.Consumer<String> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        action.accept(values[i]);
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    String[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new String[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
