package nl.datapoints.endpoint;

import java.util.Arrays;
import nl.datapoints.schemas.ReleaseBlock;

/**
 * {@link NoisySums} per SBI key ({@link ReleaseBlock#sbiKey}): an open-addressing int map from key
 * to a slot of dense sums, so summing tens of thousands of values per query allocates nothing per
 * value (no String, no boxed key). Not thread-safe: one per request.
 */
public final class SbiSums {
  private int[] keys = new int[64];
  private int[] slots = new int[64];
  private int[] keyOfSlot = new int[32];

  /** 32 - log2(keys.length): Fibonacci hashing takes the top bits of key × 2^32/φ. */
  private int shift = 32 - 6;

  private final NoisySums sums = new NoisySums(32);
  private int size;

  /** The slot of {@code key} (positive) in {@link #sums()}, made on first use. */
  public int slot(int key) {
    int i = index(key);
    if (keys[i] == key) {
      return slots[i];
    }
    int slot = size++;
    if (slot == keyOfSlot.length) {
      keyOfSlot = Arrays.copyOf(keyOfSlot, slot * 2);
      sums.resize(slot * 2);
    }
    keyOfSlot[slot] = key;
    keys[i] = key;
    slots[i] = slot;
    if (size * 2 > keys.length) {
      rehash();
    }
    return slot;
  }

  /** The sums, by the slots {@link #slot} hands out. */
  public NoisySums sums() {
    return sums;
  }

  /** The number of keys (slots 0 to size - 1). */
  public int size() {
    return size;
  }

  /** The key of a slot. */
  public int key(int slot) {
    return keyOfSlot[slot];
  }

  private int index(int key) {
    int mask = keys.length - 1;
    // The top bits: SBI keys are decimal digits behind a 1, whose low bits cluster (the low bits
    // of the product, taken before, made probe runs of tens of slots: a quarter of a region's CPU).
    int i = (key * 0x9E3779B9) >>> shift;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void rehash() {
    int[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new int[oldKeys.length * 2];
    shift--;
    slots = new int[keys.length];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = index(oldKeys[j]);
        keys[i] = oldKeys[j];
        slots[i] = oldSlots[j];
      }
    }
  }

  @Override
  public String toString() {
    return "SbiSums" + Arrays.toString(Arrays.copyOf(keyOfSlot, size));
  }
}
