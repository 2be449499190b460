package nl.datapoints.etl.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The reference data of the pipeline ({@code postcodes.csv}, {@code merchants.csv},
 * {@code sbi.csv}), loaded and validated once, with allocation-free lookups; used in the driver
 * and in tasks.
 */
public final class ReferenceData {
  /** File names inside the reference directory. */
  public static final String POSTCODES = "postcodes.csv";
  public static final String MERCHANTS = "merchants.csv";
  public static final String SBI = "sbi.csv";

  private final boolean[] knownPc4;
  private final Map<Integer, Postcode> postcodes;
  private final LongStringMap merchantSbi;
  private final Map<String, String> sbiLabels;

  /** A gazetteer entry: postcode4 and its WGS84 centroid. */
  public record Postcode(int pc4, double lat, double lon, String name) {}

  private ReferenceData(Map<Integer, Postcode> postcodes, LongStringMap merchantSbi,
      Map<String, String> sbiLabels) {
    this.postcodes = Collections.unmodifiableMap(postcodes);
    this.knownPc4 = new boolean[10_000];
    for (int pc4 : postcodes.keySet()) {
      knownPc4[pc4] = true;
    }
    this.merchantSbi = merchantSbi;
    this.sbiLabels = Collections.unmodifiableMap(sbiLabels);
  }

  /**
   * Loads {@code <dir>/postcodes.csv}, {@code merchants.csv} and {@code sbi.csv} through the
   * directory's file system (HDFS or local).
   *
   * @throws IllegalArgumentException when a file is missing or malformed (names file and line)
   * @throws IOException when a file cannot be read
   */
  public static ReferenceData load(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    try (Reader postcodes = open(fs, new Path(dir, POSTCODES));
         Reader merchants = open(fs, new Path(dir, MERCHANTS));
         Reader sbi = open(fs, new Path(dir, SBI))) {
      return parse(new Path(dir, POSTCODES).toString(), postcodes,
          new Path(dir, MERCHANTS).toString(), merchants,
          new Path(dir, SBI).toString(), sbi);
    }
  }

  /** Parses the three files from readers; the names are used in error messages only. */
  public static ReferenceData parse(String postcodesName, Reader postcodes, String merchantsName,
      Reader merchants, String sbiName, Reader sbi) throws IOException {
    Map<String, String> labels = parseSbi(sbiName, sbi);
    return new ReferenceData(parsePostcodes(postcodesName, postcodes),
        parseMerchants(merchantsName, merchants), labels);
  }

  /** Convenience for tests and tools: parses the three files from strings. */
  public static ReferenceData of(String postcodesCsv, String merchantsCsv, String sbiCsv) {
    try {
      return parse(POSTCODES, new StringReader(postcodesCsv), MERCHANTS,
          new StringReader(merchantsCsv), SBI, new StringReader(sbiCsv));
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  /** Whether the postcode4 is in the gazetteer. */
  public boolean isKnownPc4(int pc4) {
    return pc4 >= 0 && pc4 < knownPc4.length && knownPc4[pc4];
  }

  /** The gazetteer entry of a postcode4. */
  public Optional<Postcode> postcode(int pc4) {
    return Optional.ofNullable(postcodes.get(pc4));
  }

  /** All gazetteer entries, keyed by postcode4. */
  public Map<Integer, Postcode> postcodes() {
    return postcodes;
  }

  /** The SBI code of a merchant, or null when the merchant is unknown (no allocation). */
  public String sbiOf(long merchantId) {
    return merchantId == Long.MIN_VALUE ? null : merchantSbi.get(merchantId);
  }

  /** The label of an SBI code, if {@code sbi.csv} has one. */
  public Optional<String> sbiLabel(String sbi) {
    return Optional.ofNullable(sbiLabels.get(sbi));
  }

  /** All SBI codes and labels. */
  public Map<String, String> sbiLabels() {
    return sbiLabels;
  }

  /** Number of merchants known. */
  public int merchantCount() {
    return merchantSbi.size();
  }

  private static Reader open(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      throw new IllegalArgumentException("reference file " + path + " does not exist; the"
          + " reference directory must hold " + POSTCODES + ", " + MERCHANTS + " and " + SBI);
    }
    return new InputStreamReader(fs.open(path), StandardCharsets.UTF_8);
  }

  private static Map<Integer, Postcode> parsePostcodes(String name, Reader in) throws IOException {
    Map<Integer, Postcode> result = new HashMap<>();
    new CsvFile(name, in, "pc4,lat,lon,name", 4).forEach((line, f) -> {
      int pc4 = CsvFile.parseInt(name, line, "pc4", f[0], 1000, 9999);
      double lat = CsvFile.parseDouble(name, line, "lat", f[1], -90, 90);
      double lon = CsvFile.parseDouble(name, line, "lon", f[2], -180, 180);
      if (result.put(pc4, new Postcode(pc4, lat, lon, f[3])) != null) {
        throw CsvFile.error(name, line, "duplicate pc4 " + pc4);
      }
    });
    if (result.isEmpty()) {
      throw new IllegalArgumentException(name + ": no postcodes; the gazetteer must not be empty");
    }
    return result;
  }

  private static LongStringMap parseMerchants(String name, Reader in) throws IOException {
    LongStringMap result = new LongStringMap(1024);
    Map<String, String> canonical = new HashMap<>();
    new CsvFile(name, in, "merchant_id,sbi", 2).forEach((line, f) -> {
      long id = CsvFile.parseLong(name, line, "merchant_id", f[0]);
      String sbi = f[1];
      if (!isSbi(sbi)) {
        throw CsvFile.error(name, line, "sbi must be 2-5 digits, got '" + sbi + "'");
      }
      if (result.put(id, canonical.computeIfAbsent(sbi, s -> s)) != null) {
        throw CsvFile.error(name, line, "duplicate merchant_id " + id);
      }
    });
    return result;
  }

  private static Map<String, String> parseSbi(String name, Reader in) throws IOException {
    Map<String, String> result = new HashMap<>();
    new CsvFile(name, in, "sbi,label", 2).forEach((line, f) -> {
      if (!isSbi(f[0])) {
        throw CsvFile.error(name, line, "sbi must be 2-5 digits, got '" + f[0] + "'");
      }
      if (result.put(f[0], f[1]) != null) {
        throw CsvFile.error(name, line, "duplicate sbi " + f[0]);
      }
    });
    return result;
  }

  static boolean isSbi(String s) {
    if (s.length() < 2 || s.length() > 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Minimal reader for the reference CSVs: fixed header, the last column may be quoted. */
  private static final class CsvFile {
    interface RowHandler {
      void row(int lineNumber, String[] fields);
    }

    private final String name;
    private final BufferedReader reader;
    private final String header;
    private final int columns;

    CsvFile(String name, Reader in, String header, int columns) {
      this.name = name;
      this.reader = new BufferedReader(in);
      this.header = header;
      this.columns = columns;
    }

    void forEach(RowHandler handler) throws IOException {
      String first = reader.readLine();
      if (first != null && first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      if (first == null || !first.strip().equalsIgnoreCase(header)) {
        throw error(name, 1, "header must be '" + header + "', got '" + first + "'");
      }
      int lineNumber = 1;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        handler.row(lineNumber, split(lineNumber, line));
      }
    }

    private String[] split(int lineNumber, String line) {
      String[] fields = new String[columns];
      int start = 0;
      for (int i = 0; i < columns - 1; i++) {
        int comma = line.indexOf(',', start);
        if (comma < 0) {
          throw error(name, lineNumber, "expected " + columns + " comma-separated fields, got "
              + (i + 1));
        }
        fields[i] = line.substring(start, comma).strip();
        start = comma + 1;
      }
      String last = line.substring(start).strip();
      if (last.length() >= 2 && last.startsWith("\"") && last.endsWith("\"")) {
        last = last.substring(1, last.length() - 1).replace("\"\"", "\"");
      }
      fields[columns - 1] = last;
      return fields;
    }

    static int parseInt(String name, int line, String column, String value, int min, int max) {
      try {
        int v = Integer.parseInt(value);
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(name, line, column + " must be an integer " + min + "-" + max + ", got '"
          + value + "'");
    }

    static long parseLong(String name, int line, String column, String value) {
      try {
        long v = Long.parseLong(value);
        if (v > 0) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(name, line, column + " must be a positive 64-bit integer, got '" + value + "'");
    }

    static double parseDouble(String name, int line, String column, String value, double min,
        double max) {
      try {
        double v = Double.parseDouble(value);
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(name, line, column + " must be a number " + min + " to " + max + ", got '"
          + value + "'");
    }

    static IllegalArgumentException error(String name, int line, String message) {
      return new IllegalArgumentException(name + " line " + line + ": " + message);
    }
  }
}
