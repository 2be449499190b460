package nl.datapoints.etl.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import nl.datapoints.schemas.reference.Postcode;
import nl.datapoints.schemas.reference.ReferenceCsv;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The reference data of the pipeline ({@code postcodes.csv}, {@code merchants.csv}, {@code
 * sbi.csv}), loaded once through Hadoop's file system and validated by the shared {@link
 * ReferenceCsv} rules, with allocation-free lookups; used in the driver and in tasks.
 */
public final class ReferenceData {
  /** File names inside the reference directory. */
  public static final String POSTCODES = ReferenceCsv.POSTCODES;

  public static final String MERCHANTS = ReferenceCsv.MERCHANTS;
  public static final String SBI = ReferenceCsv.SBI;

  private final boolean[] knownPc4;
  private final Map<Integer, Postcode> postcodes;
  private final LongStringMap merchantSbi;
  private final Map<String, String> sbiLabels;

  private ReferenceData(
      Map<Integer, Postcode> postcodes, LongStringMap merchantSbi, Map<String, String> sbiLabels) {
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
      return parse(
          new Path(dir, POSTCODES).toString(),
          postcodes,
          new Path(dir, MERCHANTS).toString(),
          merchants,
          new Path(dir, SBI).toString(),
          sbi);
    }
  }

  /** Parses the three files from readers; the names are used in error messages only. */
  public static ReferenceData parse(
      String postcodesName,
      Reader postcodes,
      String merchantsName,
      Reader merchants,
      String sbiName,
      Reader sbi)
      throws IOException {
    Map<String, String> labels = ReferenceCsv.sbi(sbiName, sbi);
    return new ReferenceData(
        parsePostcodes(postcodesName, postcodes), parseMerchants(merchantsName, merchants), labels);
  }

  /** Convenience for tests and tools: parses the three files from strings. */
  public static ReferenceData of(String postcodesCsv, String merchantsCsv, String sbiCsv) {
    try {
      return parse(
          POSTCODES,
          new StringReader(postcodesCsv),
          MERCHANTS,
          new StringReader(merchantsCsv),
          SBI,
          new StringReader(sbiCsv));
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

  /**
   * The public SBI domain: every code {@code sbi.csv} labels and every code a merchant maps to,
   * ascending. The release gives each of them a value in every pc4.
   */
  public java.util.SortedSet<String> sbiDomain() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>(sbiLabels.keySet());
    merchantSbi.forEachValue(out::add);
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  /** Number of merchants known. */
  public int merchantCount() {
    return merchantSbi.size();
  }

  private static Reader open(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      throw new IllegalArgumentException(
          "reference file "
              + path
              + " does not exist; the"
              + " reference directory must hold "
              + POSTCODES
              + ", "
              + MERCHANTS
              + " and "
              + SBI);
    }
    return new InputStreamReader(fs.open(path), StandardCharsets.UTF_8);
  }

  private static Map<Integer, Postcode> parsePostcodes(String name, Reader in) throws IOException {
    return ReferenceCsv.postcodes(name, in);
  }

  private static LongStringMap parseMerchants(String name, Reader in) throws IOException {
    LongStringMap result = new LongStringMap(1024);
    ReferenceCsv.merchants(name, in, (id, sbi) -> result.put(id, sbi) == null);
    return result;
  }
}
