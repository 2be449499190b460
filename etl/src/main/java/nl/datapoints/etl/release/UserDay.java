package nl.datapoints.etl.release;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;

/**
 * The shuffle key of the bound job: one user (the 16-byte pseudonym) on one date (epoch days), the
 * privacy unit. Mutable and reused; map and reduce tasks. Serialized as the date with its sign bit
 * flipped and the 16 key bytes, so the raw comparator compares bytes.
 */
public final class UserDay implements WritableComparable<UserDay> {
  static final int BYTES = 4 + 16;
  private int date;
  private final byte[] user = new byte[16];

  static {
    WritableComparator.define(UserDay.class, new Raw());
  }

  public UserDay() {}

  UserDay set(int epochDay, byte[] userKey) {
    if (userKey.length != 16) {
      throw new IllegalArgumentException("a user key has 16 bytes, got " + userKey.length);
    }
    this.date = epochDay;
    System.arraycopy(userKey, 0, user, 0, 16);
    return this;
  }

  int date() {
    return date;
  }

  /** The user key (the buffer itself: copy it to keep it). */
  byte[] user() {
    return user;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(date ^ Integer.MIN_VALUE);
    out.write(user);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    date = in.readInt() ^ Integer.MIN_VALUE;
    in.readFully(user);
  }

  @Override
  public int compareTo(UserDay o) {
    int c = Integer.compare(date, o.date);
    return c != 0 ? c : Arrays.compareUnsigned(user, o.user);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserDay k && k.date == date && Arrays.equals(k.user, user);
  }

  @Override
  public int hashCode() {
    return date * 31 + Arrays.hashCode(user);
  }

  /** Byte-wise comparison of the serialized keys. */
  public static final class Raw extends WritableComparator {
    public Raw() {
      super(UserDay.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      return compareBytes(b1, s1, BYTES, b2, s2, BYTES);
    }
  }
}
