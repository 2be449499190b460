package nl.datapoints.etl.aggregate;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * The shuffle value of the aggregate job, a tagged union: the cell's own counts on its date ({@link
 * Tag#CURRENT}), its counts on D-7 from events of the same batch ({@link Tag#BASELINE_EVENTS}), or
 * its published hits on D-7 read from the warehouse ({@link Tag#BASELINE_PUBLISHED}). Mutable and
 * reused; used in map and reduce tasks.
 *
 * <p>Serialized as: tag (byte), hits (vlong), and for the event tags the user count (vint, -1 =
 * saturated, i.e. at least k users, with no keys) followed by that many 16-byte user keys.
 */
public final class CellValue implements Writable {
  /** Which side of the cell a value describes. */
  public enum Tag {
    CURRENT,
    BASELINE_EVENTS,
    BASELINE_PUBLISHED
  }

  private static final Tag[] TAGS = Tag.values();

  private Tag tag = Tag.CURRENT;
  private long hits;
  private boolean saturated;
  private int users;
  private long[] keys = new long[8];

  /** Sets an event-side value from a tally (its user keys are copied). */
  CellValue set(Tag t, CellTally tally) {
    if (t == Tag.BASELINE_PUBLISHED) {
      throw new IllegalArgumentException("a tally cannot be " + t);
    }
    this.tag = t;
    this.hits = tally.hits;
    UserSet u = tally.users;
    this.saturated = u.saturated();
    this.users = u.size();
    ensure(users);
    for (int i = 0; i < users; i++) {
      keys[2 * i] = u.hi(i);
      keys[2 * i + 1] = u.lo(i);
    }
    return this;
  }

  /** Sets a published-baseline value. */
  CellValue setPublished(long publishedHits) {
    this.tag = Tag.BASELINE_PUBLISHED;
    this.hits = publishedHits;
    this.saturated = false;
    this.users = 0;
    return this;
  }

  Tag tag() {
    return tag;
  }

  long hits() {
    return hits;
  }

  /** Adds this value's hits and users to {@code tally}. */
  void addTo(CellTally tally) {
    tally.hits += hits;
    if (saturated) {
      tally.users.saturate();
      return;
    }
    for (int i = 0; i < users; i++) {
      tally.users.add(keys[2 * i], keys[2 * i + 1]);
    }
  }

  private void ensure(int n) {
    if (keys.length < 2 * n) {
      keys = new long[2 * n];
    }
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(tag.ordinal());
    WritableUtils.writeVLong(out, hits);
    if (tag != Tag.BASELINE_PUBLISHED) {
      WritableUtils.writeVInt(out, saturated ? -1 : users);
      for (int i = 0; i < 2 * users && !saturated; i++) {
        out.writeLong(keys[i]);
      }
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int t = in.readByte();
    if (t < 0 || t >= TAGS.length) {
      throw new IOException("corrupt CellValue: tag " + t);
    }
    tag = TAGS[t];
    hits = WritableUtils.readVLong(in);
    saturated = false;
    users = 0;
    if (tag != Tag.BASELINE_PUBLISHED) {
      int n = WritableUtils.readVInt(in);
      if (n < 0) {
        saturated = true;
      } else {
        ensure(n);
        for (int i = 0; i < 2 * n; i++) {
          keys[i] = in.readLong();
        }
        users = n;
      }
    }
  }

  @Override
  public String toString() {
    return tag + "(hits=" + hits + ", users=" + (saturated ? "saturated" : users) + ")";
  }
}
