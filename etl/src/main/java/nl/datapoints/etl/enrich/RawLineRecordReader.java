package nl.datapoints.etl.enrich;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
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
 * Reads a whole raw file line by line (runs in tasks): key = 1-based line number, value = the
 * line. Unlike Hadoop's {@code LineRecordReader} it never drops a line: a line longer than the
 * maximum is returned truncated and flagged, without buffering it. Lines end at {@code \n} only
 * (a trailing {@code \r} stays in the bytes). A corrupt compressed file fails the task naming
 * the file, or, when skipping corrupt files, ends with one corrupt-file marker record.
 */
public final class RawLineRecordReader extends RecordReader<LongWritable, RawLine> {
  private static final byte[] NEWLINE = {'\n'};

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
      throw new IOException("corrupt or truncated input file " + source + " after line "
          + lineNumber + " (" + e.getMessage() + "); rerun with --skip-corrupt-files to skip"
          + " the rest of such files", e);
    }
    if (consumed == 0) {
      done = true;
      return false;
    }
    int length = value.length();
    boolean tooLong = length == limit
        || Enricher.contentLength(value.bytes(), length) > maxLineBytes;
    value.markLine(source, tooLong);
    key.set(++lineNumber);
    return true;
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
