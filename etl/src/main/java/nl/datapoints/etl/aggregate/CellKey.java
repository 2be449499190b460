package nl.datapoints.etl.aggregate;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;

/**
 * The shuffle key of the aggregate job: one cell (date, hour, pc4, activity, sbi), where date is
 * the date the cell is published on. Mutable and reused; used in map and reduce tasks.
 *
 * <p>Serialized as: date (int, sign bit flipped), hour (byte), pc4 (unsigned short), activity
 * (unsigned short), sbi (vint length + UTF-8). The encoding is canonical and order-preserving for
 * {@link #compareTo}, so the registered raw comparator just compares bytes.
 */
public final class CellKey implements WritableComparable<CellKey> {
  private int date;
  private int hour;
  private int pc4;
  private int activity;
  private String sbi = "";

  static {
    WritableComparator.define(CellKey.class, new RawComparator());
  }

  public CellKey() {}

  CellKey(int date, int hour, int pc4, int activity, String sbi) {
    set(date, hour, pc4, activity, sbi);
  }

  /** Sets every field; the date is in epoch days. */
  CellKey set(int date, int hour, int pc4, int activity, String sbi) {
    this.date = date;
    this.hour = hour;
    this.pc4 = pc4;
    this.activity = activity;
    this.sbi = sbi;
    return this;
  }

  CellKey set(CellKey other) {
    return set(other.date, other.hour, other.pc4, other.activity, other.sbi);
  }

  CellKey copy() {
    return new CellKey(date, hour, pc4, activity, sbi);
  }

  int date() {
    return date;
  }

  void date(int epochDay) {
    this.date = epochDay;
  }

  int hour() {
    return hour;
  }

  int pc4() {
    return pc4;
  }

  int activity() {
    return activity;
  }

  String sbi() {
    return sbi;
  }

  /** A well-mixed hash of the cell without its date, for spreading a date over reducers. */
  int cellHash() {
    long h = hour * 0x9E3779B97F4A7C15L;
    h ^= pc4 * 0xC2B2AE3D27D4EB4FL;
    h ^= activity * 0x165667B19E3779F9L;
    h ^= sbi.hashCode() * 0x27D4EB2F165667C5L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return (int) h;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(date ^ Integer.MIN_VALUE);
    out.writeByte(hour);
    out.writeShort(pc4);
    out.writeShort(activity);
    Text.writeString(out, sbi);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    date = in.readInt() ^ Integer.MIN_VALUE;
    hour = in.readUnsignedByte();
    pc4 = in.readUnsignedShort();
    activity = in.readUnsignedShort();
    sbi = Text.readString(in);
  }

  @Override
  public int compareTo(CellKey o) {
    int c = Integer.compare(date, o.date);
    if (c == 0) {
      c = Integer.compare(hour, o.hour);
    }
    if (c == 0) {
      c = Integer.compare(pc4, o.pc4);
    }
    if (c == 0) {
      c = Integer.compare(activity, o.activity);
    }
    if (c == 0) {
      c = Integer.compare(sbi.length(), o.sbi.length());
    }
    return c == 0 ? sbi.compareTo(o.sbi) : c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CellKey k
        && date == k.date
        && hour == k.hour
        && pc4 == k.pc4
        && activity == k.activity
        && sbi.equals(k.sbi);
  }

  @Override
  public int hashCode() {
    return 31 * cellHash() + date;
  }

  @Override
  public String toString() {
    return java.time.LocalDate.ofEpochDay(date)
        + "/"
        + hour
        + "/"
        + pc4
        + "/"
        + activity
        + "/"
        + sbi;
  }

  /** Compares serialized keys byte by byte, without deserializing them. */
  public static final class RawComparator extends WritableComparator {
    public RawComparator() {
      super(CellKey.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      return compareBytes(b1, s1, l1, b2, s2, l2);
    }
  }
}
