package nl.datapoints.etl.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import nl.datapoints.etl.Main;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Runs the real CLI in-process (Hadoop local mode) and reads what it wrote; shared by the
 * reliability ITs.
 */
final class EtlHarness {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY_HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

  /** The release secret of the tests: fixed, so the noise is a fixed function of the data. */
  static final String RELEASE_KEY_HEX =
      "5eed5eed00112233445566778899aabbccddeeff5eed5eed0011223344556677";

  private EtlHarness() {}

  /** What one CLI invocation returned and printed. */
  record Run(int exit, String out, String err) {}

  static Run etl(String... args) throws Exception {
    return etl(new Configuration(), args);
  }

  static Run etl(Configuration conf, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = ToolRunner.run(conf, new Main(o, e), args);
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path writeKey(Path dir) throws IOException {
    Path f = dir.resolve("hmac.key");
    Files.writeString(f, KEY_HEX + "\n");
    return f;
  }

  static Path writeReleaseKey(Path dir) throws IOException {
    Path f = dir.resolve("release.key");
    Files.writeString(f, RELEASE_KEY_HEX + "\n");
    return f;
  }

  static JsonNode manifest(Path warehouse, LocalDate d) throws IOException {
    return JSON.readTree(warehouse.resolve("release/dt=" + d + "/_release.json").toFile());
  }

  static JsonNode report(Path warehouse, LocalDate d) throws IOException {
    return JSON.readTree(warehouse.resolve("reports/dt=" + d + "/latest.json").toFile());
  }

  /**
   * Every record of every Parquet file under {@code dir}, rendered as text and sorted: equal lists
   * mean equal data.
   */
  static List<String> records(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path f : parquetFiles(dir)) {
      for (GenericRecord r : readAll(f)) {
        out.add(r.toString());
      }
    }
    out.sort(null);
    return out;
  }

  static List<Path> parquetFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  static List<GenericRecord> readAll(Path f) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (ParquetReader<GenericRecord> r =
        AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))
            .withDataModel(GenericData.get())
            .build()) {
      for (GenericRecord rec; (rec = r.read()) != null; ) {
        out.add(rec);
      }
    }
    return out;
  }

  /** Quarantine reason → line count of a date, read from the raw zone's quarantine files. */
  static TreeMap<String, Long> quarantineReasons(Path raw, LocalDate d) throws IOException {
    TreeMap<String, Long> m = new TreeMap<>();
    for (String line : quarantineLines(raw, d)) {
      m.merge(line.substring(0, line.indexOf('\t')), 1L, Long::sum);
    }
    return m;
  }

  static List<String> quarantineLines(Path raw, LocalDate d) throws IOException {
    Path dir = raw.resolve("_quarantine/dt=" + d);
    List<String> lines = new ArrayList<>();
    if (!Files.exists(dir)) {
      return lines;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f :
          s.filter(p -> p.getFileName().toString().startsWith("part")).sorted().toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String l : text.split("\n")) {
          if (!l.isEmpty()) {
            lines.add(l);
          }
        }
      }
    }
    return lines;
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  /** Every regular file under {@code root} (no checksums), sorted. */
  static List<Path> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".crc"))
          .sorted()
          .toList();
    }
  }
}
