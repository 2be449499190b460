package nl.datapoints.etl.enrich;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/**
 * One raw line as read by {@link RawLineRecordReader} (runs in tasks): its bytes (at most the
 * maximum line length plus two), whether it was longer than that, and its source file. The reader
 * reuses one instance. A record with {@link #corruption()} set is not a line but the marker that
 * the rest of a corrupt file was skipped.
 */
public final class RawLine implements Writable {
  private final Text bytes = new Text();
  private boolean tooLong;
  private String sourceFile = "";
  private String corruption;

  /** The line's bytes (valid up to {@link #length()}), without the newline. */
  public byte[] bytes() {
    return bytes.getBytes();
  }

  /** Number of valid bytes. */
  public int length() {
    return bytes.getLength();
  }

  /** Whether the line was longer than the maximum; then {@link #bytes()} holds a prefix. */
  public boolean tooLong() {
    return tooLong;
  }

  /** Full path of the file the line came from. */
  public String sourceFile() {
    return sourceFile;
  }

  /** When not null: the file was found corrupt here and its rest skipped; this is no line. */
  public String corruption() {
    return corruption;
  }

  /** The buffer the reader reads into. */
  Text buffer() {
    return bytes;
  }

  /** Sets this to a line (tests and the reader). */
  public RawLine set(String source, byte[] line, int length, boolean isTooLong) {
    bytes.set(line, 0, length);
    sourceFile = source;
    tooLong = isTooLong;
    corruption = null;
    return this;
  }

  void markLine(String source, boolean isTooLong) {
    sourceFile = source;
    tooLong = isTooLong;
    corruption = null;
  }

  /** Sets this to the corrupt-file marker. */
  public RawLine markCorrupt(String source, String message) {
    bytes.clear();
    sourceFile = source;
    tooLong = false;
    corruption = message;
    return this;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeUTF(sourceFile);
    out.writeBoolean(tooLong);
    out.writeBoolean(corruption != null);
    if (corruption != null) {
      out.writeUTF(corruption);
    }
    bytes.write(out);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    sourceFile = in.readUTF();
    tooLong = in.readBoolean();
    corruption = in.readBoolean() ? in.readUTF() : null;
    bytes.readFields(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawLine other
        && other.tooLong == tooLong
        && other.sourceFile.equals(sourceFile)
        && other.bytes.equals(bytes)
        && java.util.Objects.equals(other.corruption, corruption);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode() * 31 + sourceFile.hashCode();
  }

  @Override
  public String toString() {
    return corruption != null
        ? "corrupt " + sourceFile
        : sourceFile + (tooLong ? " (too long)" : "");
  }
}
