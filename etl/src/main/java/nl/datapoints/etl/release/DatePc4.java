package nl.datapoints.etl.release;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;

/**
 * The key of one row of the release: a date (epoch days) and a postcode4. Mutable and reused; map
 * and reduce tasks. Serialized as the date with its sign bit flipped and the pc4 as an unsigned
 * short, so the raw comparator compares bytes.
 */
public final class DatePc4 implements WritableComparable<DatePc4> {
  static final int BYTES = 6;
  private int date;
  private int pc4;

  static {
    WritableComparator.define(DatePc4.class, new Raw());
  }

  public DatePc4() {}

  DatePc4(int date, int pc4) {
    set(date, pc4);
  }

  DatePc4 set(int epochDay, int pc4) {
    this.date = epochDay;
    this.pc4 = pc4;
    return this;
  }

  int date() {
    return date;
  }

  int pc4() {
    return pc4;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(date ^ Integer.MIN_VALUE);
    out.writeShort(pc4);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    date = in.readInt() ^ Integer.MIN_VALUE;
    pc4 = in.readUnsignedShort();
  }

  @Override
  public int compareTo(DatePc4 o) {
    int c = Integer.compare(date, o.date);
    return c != 0 ? c : Integer.compare(pc4, o.pc4);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatePc4 k && k.date == date && k.pc4 == pc4;
  }

  @Override
  public int hashCode() {
    return date * 10_007 + pc4;
  }

  @Override
  public String toString() {
    return java.time.LocalDate.ofEpochDay(date) + "/" + pc4;
  }

  /** Byte-wise comparison of the serialized keys. */
  public static final class Raw extends WritableComparator {
    public Raw() {
      super(DatePc4.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      return compareBytes(b1, s1, BYTES, b2, s2, BYTES);
    }
  }
}
