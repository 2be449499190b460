package nl.datapoints.etl.enrich;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import nl.datapoints.etl.reference.ReferenceData;
import nl.datapoints.schemas.AnonymizedEvent;
import nl.datapoints.schemas.UserKey;
import org.apache.avro.generic.GenericData;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Where the enrich time goes per event (a benchmark tool in test sources, one thread, not part of
 * the pipeline; run by {@code scripts/bench/etl} with etl's test classes on the classpath). It
 * lives in this package because it times enrich's package-private steps one by one: reads one raw
 * gzip file with the job's own record reader and with the JDK's inflater, keeps its lines in
 * memory, then times each pure step of {@link Enricher} alone (split, timestamp + time zone,
 * postcode, HMAC, reference lookups), the whole {@code Enricher}, and writing the events as snappy
 * Parquet the way the job does. Prints {@code ns/event} of this thread's CPU time per step (the
 * machine is shared), medians of {@code --repeat} passes.
 *
 * <p>Usage: {@code EnrichBreakdown --file RAW.tsv.gz --ref DIR [--repeat 3]}.
 */
public final class EnrichBreakdown {
  private static final byte[] KEY = new byte[32];
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private byte[] data;
  private int[] start;
  private int[] length;
  private int lines;
  private long rawBytes;
  private volatile long sink;

  private EnrichBreakdown() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new TreeMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      a.put(argv[i], argv[i + 1]);
    }
    String file = a.get("--file");
    String ref = a.get("--ref");
    if (file == null || ref == null) {
      throw new IllegalArgumentException("--file RAW.tsv.gz and --ref DIR are required");
    }
    int repeat = Integer.parseInt(a.getOrDefault("--repeat", "3"));
    new EnrichBreakdown().run(file, ref, repeat);
  }

  private void run(String file, String refDir, int repeat) throws Exception {
    Configuration conf = new Configuration();
    ReferenceData ref = ReferenceData.load(conf, new Path(refDir));
    LocalDate partition = PartitionDate.ofFile(new Path(file).toUri().getPath());
    int partitionDay = (int) partition.toEpochDay();
    Path rawRoot = new Path(file).getParent().getParent();
    new EnrichConfig(rawRoot, new Path(refDir), java.util.List.of(partition), false).writeTo(conf);
    Arrays.fill(KEY, (byte) 7);
    HmacKey key = HmacKey.of(KEY);

    double[] jdk = new double[repeat];
    double[] hadoop = new double[repeat];
    for (int r = 0; r < repeat; r++) {
      jdk[r] = jdkInflateAndSplit(file);
      hadoop[r] = hadoopReader(conf, file);
    }
    System.out.printf(
        "%d lines, %.1f MB uncompressed, %.1f bytes/line%n",
        lines, rawBytes / 1e6, (double) rawBytes / lines);
    report("gzip inflate + lines, job's RawLineRecordReader (Hadoop GzipCodec)", hadoop);
    report("gzip inflate + lines, JDK GZIPInputStream (native zlib)", jdk);

    Enricher enricher = new Enricher(ref, key);
    EnrichResult result = new EnrichResult();
    AmsterdamTime time = new AmsterdamTime();
    Pseudonymizer pseudonymizer = new Pseudonymizer(key);
    int[] fs = new int[6];
    int[] fe = new int[6];
    byte[] userKey = new byte[16];

    double[] split = new double[repeat];
    double[] ts = new double[repeat];
    double[] pc = new double[repeat];
    double[] hmac = new double[repeat];
    double[] lookups = new double[repeat];
    double[] whole = new double[repeat];
    for (int r = 0; r < repeat; r++) {
      split[r] =
          perLine(
              () -> {
                long s = 0;
                for (int i = 0; i < lines; i++) {
                  s += split(start[i], length[i], fs, fe) ? 1 : 0;
                }
                return s;
              });
      ts[r] =
          perLine(
                  () -> {
                    long s = 0;
                    for (int i = 0; i < lines; i++) {
                      if (split(start[i], length[i], fs, fe) && time.parse(data, fs[0], fe[0])) {
                        s += time.hour();
                      }
                    }
                    return s;
                  })
              - split[r];
      pc[r] =
          perLine(
                  () -> {
                    long s = 0;
                    for (int i = 0; i < lines; i++) {
                      if (split(start[i], length[i], fs, fe)) {
                        s += Postcodes.pc4(data, fs[3], fe[3]);
                      }
                    }
                    return s;
                  })
              - split[r];
      hmac[r] =
          perLine(
                  () -> {
                    long s = 0;
                    for (int i = 0; i < lines; i++) {
                      if (split(start[i], length[i], fs, fe)) {
                        pseudonymizer.userKey(data, fs[1], fe[1], userKey);
                        s += userKey[0];
                      }
                    }
                    return s;
                  })
              - split[r];
      lookups[r] =
          perLine(
                  () -> {
                    long s = 0;
                    for (int i = 0; i < lines; i++) {
                      if (split(start[i], length[i], fs, fe)) {
                        int p = Postcodes.pc4(data, fs[3], fe[3]);
                        s += ref.isKnownPc4(p) ? 1 : 0;
                        String sbi = ref.sbiOf(parse(fs[4], fe[4]));
                        s += sbi == null ? 0 : sbi.length();
                      }
                    }
                    return s;
                  })
              - split[r]
              - pc[r];
      whole[r] =
          perLine(
              () -> {
                long s = 0;
                byte[] line = new byte[1 << 17];
                for (int i = 0; i < lines; i++) {
                  // The mapper hands the Enricher a line in its own buffer: copy, as the reader
                  // does.
                  System.arraycopy(data, start[i], line, 0, length[i]);
                  enricher.enrich(line, length[i], false, partitionDay, result);
                  s += result.kind().ordinal();
                }
                return s;
              });
    }
    report("split into 6 fields (tabs)", split);
    report("timestamp parse + Europe/Amsterdam date/hour", ts);
    report("postcode -> pc4", pc);
    report("HMAC-SHA256 user key (reused Mac)", hmac);
    report("reference lookups (known pc4, merchant -> sbi incl. merchant parse)", lookups);
    report("whole Enricher.enrich (all checks, incl. the above)", whole);

    double[] parquet = new double[repeat];
    double[] noDict = new double[repeat];
    for (int r = 0; r < repeat; r++) {
      parquet[r] = parquetWrite(enricher, result, partitionDay, true);
      noDict[r] = parquetWrite(enricher, result, partitionDay, false);
    }
    report("Avro AnonymizedEvent -> snappy Parquet write (local file), as the job", parquet);
    report("  the same without a dictionary for user_key (random 16 bytes)", noDict);
    System.out.printf("(ns per raw line; medians of %d passes over %d lines)%n", repeat, lines);
  }

  private double jdkInflateAndSplit(String file) throws IOException {
    long t0 = cpuNanos();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 24);
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(java.nio.file.Path.of(file)), 1 << 16)) {
      in.transferTo(buf);
    }
    byte[] all = buf.toByteArray();
    int n = 0;
    int[] s = new int[1 << 16];
    int[] l = new int[1 << 16];
    int from = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
          l = Arrays.copyOf(l, n * 2);
        }
        s[n] = from;
        l[n++] = i - from;
        from = i + 1;
      }
    }
    long nanos = cpuNanos() - t0;
    data = all;
    start = s;
    length = l;
    lines = n;
    rawBytes = all.length;
    return BenchMath.nsPer(nanos, n);
  }

  private double hadoopReader(Configuration conf, String file) throws Exception {
    long t0 = cpuNanos();
    Path p = new Path(file);
    long len = p.getFileSystem(conf).getFileStatus(p).getLen();
    InputSplit split = new FileSplit(p, 0, len, new String[0]);
    TaskAttemptContext ctx = new TaskAttemptContextImpl(conf, new TaskAttemptID());
    long n = 0;
    long bytes = 0;
    try (RecordReader<LongWritable, RawLine> reader =
        new RawLineInputFormat().createRecordReader(split, ctx)) {
      reader.initialize(split, ctx);
      while (reader.nextKeyValue()) {
        n++;
        bytes += reader.getCurrentValue().length();
      }
    }
    sink += bytes;
    return BenchMath.nsPer(cpuNanos() - t0, n);
  }

  private double parquetWrite(
      Enricher enricher, EnrichResult result, int partitionDay, boolean userKeyDictionary)
      throws IOException {
    java.nio.file.Path tmp = Files.createTempFile("breakdown", ".parquet");
    AnonymizedEvent event = new AnonymizedEvent();
    UserKey uk = new UserKey();
    event.setUserKey(uk);
    LocalDate date = LocalDate.ofEpochDay(partitionDay);
    byte[] line = new byte[1 << 17];
    // Enrich first (not timed): only the write is measured.
    int n = 0;
    long nanos = 0;
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
    try (ParquetWriter<AnonymizedEvent> w =
        AvroParquetWriter.<AnonymizedEvent>builder(new Path(tmp.toUri()))
            .withSchema(AnonymizedEvent.getClassSchema())
            .withDataModel(model)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withDictionaryEncoding("user_key", userKeyDictionary)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (int i = 0; i < lines; i++) {
        System.arraycopy(data, start[i], line, 0, length[i]);
        enricher.enrich(line, length[i], false, partitionDay, result);
        if (result.kind() != EnrichResult.Kind.EVENT) {
          continue;
        }
        long t0 = cpuNanos();
        event.setDate(date);
        event.setHour(result.hour());
        event.setPc4(result.pc4());
        event.setActivity(result.activity());
        event.setSbi(result.sbi());
        System.arraycopy(result.userKey(), 0, uk.bytes(), 0, 16);
        w.write(event);
        nanos += cpuNanos() - t0;
        n++;
      }
      long t0 = cpuNanos();
      w.close();
      nanos += cpuNanos() - t0;
    } finally {
      Files.deleteIfExists(tmp);
    }
    return BenchMath.nsPer(nanos, Math.max(n, 1)) * n / lines;
  }

  private interface Pass {
    long run();
  }

  private double perLine(Pass pass) {
    long t0 = cpuNanos();
    sink += pass.run();
    return BenchMath.nsPer(cpuNanos() - t0, lines);
  }

  private boolean split(int from, int len, int[] fs, int[] fe) {
    int field = 0;
    fs[0] = from;
    int end = from + len;
    for (int i = from; i < end; i++) {
      if (data[i] == '\t') {
        if (field == 5) {
          return false;
        }
        fe[field++] = i;
        fs[field] = i + 1;
      }
    }
    if (field != 5) {
      return false;
    }
    fe[5] = end;
    return true;
  }

  private long parse(int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = data[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** CPU time of this thread: the machine is shared, so wall time would measure the neighbours. */
  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static void report(String what, double[] nsPerLine) {
    System.out.printf("  %8.0f ns/event  %s%n", BenchMath.median(nsPerLine), what);
  }
}
