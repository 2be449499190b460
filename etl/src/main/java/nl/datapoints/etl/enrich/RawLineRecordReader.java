package nl.datapoints.etl.enrich;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.util.LineReader;

/**
 * Reads a whole raw file line by line (runs in tasks): key = 1-based line number, value = the line.
 * Unlike Hadoop's {@code LineRecordReader} it never drops a line: a line longer than the maximum is
 * returned truncated and flagged, without buffering it. Lines end at {@code \n} only (a trailing
 * {@code \r} stays in the bytes); a UTF-8 byte order mark at the start of the file is dropped. A
 * corrupt compressed file fails the task naming the file, or, when skipping corrupt files, ends
 * with one corrupt-file marker record.
 */
public final class RawLineRecordReader extends RecordReader<LongWritable, RawLine> {
  private static final byte[] NEWLINE = {'\n'};
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final LongWritable key = new LongWritable();
  private final RawLine value = new RawLine();
  private LineReader reader;
  private Decompressor decompressor;
  private InputStream stream;
  private String source;
  private boolean compressed;
  private boolean skipCorrupt;
  private int maxLineBytes;
  private long lineNumber;
  private long fileLength;
  private FSDataInputStream raw;
  private boolean done;

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    EnrichConfig config = EnrichConfig.readFrom(conf);
    Path path = ((FileSplit) split).getPath();
    open(path, conf, config.maxLineBytes(), config.skipCorruptFiles());
  }

  /** Opens the file directly (tests, and {@link #initialize}). */
  void open(Path path, Configuration conf, int maxLine, boolean skipCorruptFiles)
      throws IOException {
    this.source = path.toString();
    this.maxLineBytes = maxLine;
    this.skipCorrupt = skipCorruptFiles;
    this.raw = path.getFileSystem(conf).open(path);
    this.fileLength = path.getFileSystem(conf).getFileStatus(path).getLen();
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (codec != null) {
      compressed = true;
      decompressor = CodecPool.getDecompressor(codec);
      stream = codec.createInputStream(raw, decompressor);
    } else {
      stream = raw;
    }
    reader = new LineReader(stream, conf, NEWLINE);
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (done) {
      return false;
    }
    // Read at most max + 2 bytes: then "longer than max without a trailing \r" is decidable
    // while the rest of a huge line is skipped by LineReader without being kept.
    int limit = maxLineBytes + 2;
    int consumed;
    try {
      consumed = reader.readLine(value.buffer(), limit, Integer.MAX_VALUE);
    } catch (IOException e) {
      if (compressed && skipCorrupt) {
        done = true;
        value.markCorrupt(source, e.getClass().getSimpleName() + ": " + e.getMessage());
        key.set(lineNumber + 1);
        return true;
      }
      throw new IOException(
          "corrupt or truncated input file "
              + source
              + " after line "
              + lineNumber
              + " ("
              + e.getMessage()
              + "); rerun with --skip-corrupt-files to skip"
              + " the rest of such files",
          e);
    }
    if (consumed == 0) {
      done = true;
      return false;
    }
    boolean hitLimit = value.length() == limit;
    if (lineNumber == 0 && startsWithBom(value.bytes(), value.length())) {
      // A UTF-8 byte order mark is an encoding signature, not content: files saved by Windows
      // tools start with one, and keeping it would quarantine every such file's first line.
      Text buffer = value.buffer();
      buffer.set(java.util.Arrays.copyOfRange(buffer.getBytes(), BOM.length, buffer.getLength()));
    }
    int length = value.length();
    boolean tooLong = hitLimit || Enricher.contentLength(value.bytes(), length) > maxLineBytes;
    value.markLine(source, tooLong);
    key.set(++lineNumber);
    return true;
  }

  private static boolean startsWithBom(byte[] b, int length) {
    return length >= BOM.length && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public RawLine getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    if (done || fileLength == 0) {
      return done ? 1f : 0f;
    }
    return Math.min(1f, raw.getPos() / (float) fileLength);
  }

  @Override
  public void close() throws IOException {
    try {
      if (reader != null) {
        reader.close();
      }
    } finally {
      if (decompressor != null) {
        CodecPool.returnDecompressor(decompressor);
        decompressor = null;
      }
    }
  }
}
