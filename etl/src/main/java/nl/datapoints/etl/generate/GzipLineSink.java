package nl.datapoints.etl.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Appends raw bytes of lines into a large buffer and streams them through gzip into one file.
 * Java's gzip header has mtime 0 and no file name, so equal input gives equal bytes.
 */
final class GzipLineSink implements Closeable {

  private static final int FLUSH_AT = 1 << 18;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Path file;
  private final CountingOutputStream counted;
  private final GZIPOutputStream gzip;
  private byte[] buf = new byte[FLUSH_AT + (1 << 17)];
  private int len;
  private long raw;

  GzipLineSink(Path file, int level) throws IOException {
    this.file = file;
    this.counted =
        new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    this.gzip =
        new GZIPOutputStream(counted, 1 << 16) {
          {
            def.setLevel(level);
          }
        };
  }

  GzipLineSink put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
    return this;
  }

  GzipLineSink put(byte b) {
    ensure(1);
    buf[len++] = b;
    return this;
  }

  GzipLineSink put(char c) {
    return put((byte) c);
  }

  /**
   * Appends a string as Latin-1 bytes (ASCII text stays ASCII; chars 0x80–0xFF become raw bytes).
   */
  GzipLineSink put(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  GzipLineSink putDecimal(long v) {
    if (v < 0) {
      put('-');
      v = -v;
    }
    ensure(20);
    int start = len;
    do {
      buf[len++] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
    for (int i = start, j = len - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
    return this;
  }

  /** Appends the low `digits` hex digits of v, most significant first. */
  GzipLineSink putHex(long v, int digits) {
    ensure(digits);
    for (int i = digits - 1; i >= 0; i--) {
      buf[len++] = (byte) HEX[(int) (v >>> (i * 4)) & 0xF];
    }
    return this;
  }

  /** Ends a line; hands full buffers to gzip. */
  void endLine() throws IOException {
    put('\n');
    if (len >= FLUSH_AT) {
      gzip.write(buf, 0, len);
      raw += len;
      len = 0;
    }
  }

  /** Uncompressed bytes handed to gzip so far (complete after close). */
  long rawBytes() {
    return raw;
  }

  /** Compressed bytes written so far (complete after close). */
  long compressedBytes() {
    return counted.count;
  }

  Path file() {
    return file;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  @Override
  public void close() throws IOException {
    try (GZIPOutputStream g = gzip) {
      g.write(buf, 0, len);
      raw += len;
      len = 0;
      g.finish();
    }
  }

  /** Counts the bytes that reach the file. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
      out.write(b, off, n);
      count += n;
    }
  }
}
