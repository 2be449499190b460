package nl.datapoints.etl.release;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleaseBlock;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * A value of the release job's shuffle, a tagged union (map and reduce tasks):
 *
 * <ul>
 *   <li>{@link Tag#EVENT}: one event of a user-day (bound job: pc4, hour, activity, SBI);
 *   <li>{@link Tag#TODAY}: bounded hits and distinct users of a member on the key's date;
 *   <li>{@link Tag#BASELINE}: the same for the key's date minus 7, when that date is in the batch,
 *       so its release is recomputed next to the date's (the same draws: same noise);
 *   <li>{@link Tag#STORED}: a released value of D-7 read back from {@code release/dt=D-7} (hits and
 *       its noise scale);
 *   <li>{@link Tag#DOMAIN}: the key's pc4 is in the gazetteer (so it is released even when nobody
 *       was there).
 * </ul>
 */
public final class ReleaseInput implements Writable {
  /** What a value carries. */
  enum Tag {
    EVENT,
    TODAY,
    BASELINE,
    STORED,
    DOMAIN
  }

  private static final Tag[] TAGS = Tag.values();
  private static final Level[] LEVELS = Level.values();

  Tag tag = Tag.DOMAIN;
  Level level = Level.TOTAL;
  int pc4;
  int hour = -1;
  int activity;
  String sbi = "";
  long hits;
  long users;
  double scale;

  ReleaseInput set(
      Tag t,
      Level l,
      int pc4,
      int hour,
      int activity,
      String sbi,
      long hits,
      long users,
      double scale) {
    this.tag = t;
    this.level = l;
    this.pc4 = pc4;
    this.hour = hour;
    this.activity = activity;
    this.sbi = sbi;
    this.hits = hits;
    this.users = users;
    this.scale = scale;
    return this;
  }

  Member member() {
    return new Member(level, hour, activity, sbi);
  }

  /**
   * Compact on purpose (the bound job ships one value per event): tag and level in one byte, the
   * SBI as its int key, hits and users only where the tag has them, the scale only for a stored
   * value.
   */
  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(tag.ordinal() << 2 | level.ordinal());
    out.writeShort(pc4);
    out.writeByte(hour + 1);
    WritableUtils.writeVInt(out, activity);
    WritableUtils.writeVInt(out, sbi.isEmpty() ? 0 : ReleaseBlock.sbiKey(sbi));
    switch (tag) {
      case TODAY, BASELINE -> {
        WritableUtils.writeVLong(out, hits);
        WritableUtils.writeVLong(out, users);
      }
      case STORED -> {
        WritableUtils.writeVLong(out, hits);
        out.writeDouble(scale);
      }
      case EVENT, DOMAIN -> {}
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int b = in.readUnsignedByte();
    tag = TAGS[b >>> 2];
    level = LEVELS[b & 3];
    pc4 = in.readUnsignedShort();
    hour = in.readUnsignedByte() - 1;
    activity = WritableUtils.readVInt(in);
    int key = WritableUtils.readVInt(in);
    sbi = key == 0 ? "" : SBI_CODES.computeIfAbsent(key, ReleaseBlock::sbiOfKey);
    hits = 0;
    users = 0;
    scale = 0;
    switch (tag) {
      case TODAY, BASELINE -> {
        hits = WritableUtils.readVLong(in);
        users = WritableUtils.readVLong(in);
      }
      case STORED -> {
        hits = WritableUtils.readVLong(in);
        scale = in.readDouble();
      }
      case EVENT -> {
        hits = 1;
        users = 1;
      }
      case DOMAIN -> {}
    }
  }

  /** SBI codes by key, so reading a value allocates no string (a few dozen codes in all). */
  private static final java.util.concurrent.ConcurrentHashMap<Integer, String> SBI_CODES =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public String toString() {
    return tag + " " + level + " " + pc4 + "/" + hour + "/" + activity + "/" + sbi + " hits " + hits
        + " users " + users;
  }
}
