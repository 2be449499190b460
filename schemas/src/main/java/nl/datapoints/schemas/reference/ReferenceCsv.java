package nl.datapoints.schemas.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.datapoints.schemas.RowKey;

/**
 * The one parser of the reference CSVs (docs/formats.md §2), with one set of rules, used by the
 * pipeline and by the service: so the service refuses, with the same message, every file the
 * pipeline refuses.
 *
 * <p>Rules: UTF-8, an optional byte-order mark, the exact header (case-insensitive), blank lines
 * skipped, fields split at commas with the last field optionally quoted ({@code ""} for a quote);
 * every value checked against its range; duplicates and empty files refused. A violation is an
 * {@link IllegalArgumentException} naming the file, the line and what was expected and given.
 */
public final class ReferenceCsv {
  /** File names inside the reference directory. */
  public static final String POSTCODES = "postcodes.csv";

  public static final String MERCHANTS = "merchants.csv";
  public static final String SBI = "sbi.csv";

  /** Headers of the three files. */
  public static final String POSTCODES_HEADER = "pc4,lat,lon,name";

  public static final String MERCHANTS_HEADER = "merchant_id,sbi";
  public static final String SBI_HEADER = "sbi,label";

  private ReferenceCsv() {}

  /** Receives one merchant; returns false when the id was already given (a duplicate). */
  @FunctionalInterface
  public interface MerchantSink {
    boolean put(long merchantId, String sbi);
  }

  /**
   * Parses {@code postcodes.csv}: pc4 1000-9999, lat -90..90, lon -180..180, no duplicate pc4, at
   * least one row.
   *
   * @param name the file's name, for messages
   * @return the gazetteer by pc4, ascending
   */
  public static SortedMap<Integer, Postcode> postcodes(String name, Reader in) throws IOException {
    SortedMap<Integer, Postcode> result = new TreeMap<>();
    forEachRow(
        name,
        in,
        POSTCODES_HEADER,
        4,
        (line, f) -> {
          int pc4 = parseInt(name, line, "pc4", f[0], RowKey.MIN_PC4, RowKey.MAX_PC4);
          double lat = parseDouble(name, line, "lat", f[1], -90, 90);
          double lon = parseDouble(name, line, "lon", f[2], -180, 180);
          if (result.put(pc4, new Postcode(pc4, lat, lon, f[3])) != null) {
            throw error(name, line, "duplicate pc4 " + pc4);
          }
        });
    if (result.isEmpty()) {
      throw new IllegalArgumentException(name + ": no postcodes; the gazetteer must not be empty");
    }
    return Collections.unmodifiableSortedMap(result);
  }

  /**
   * Parses {@code merchants.csv}: merchant_id a positive 64-bit integer, sbi 2-5 digits, no
   * duplicate merchant_id. Each row goes to {@code sink}; the SBI strings are shared between rows
   * of the same code.
   */
  public static void merchants(String name, Reader in, MerchantSink sink) throws IOException {
    Map<String, String> canonical = new HashMap<>();
    forEachRow(
        name,
        in,
        MERCHANTS_HEADER,
        2,
        (line, f) -> {
          long id = parsePositiveLong(name, line, "merchant_id", f[0]);
          String sbi = f[1];
          if (!isSbi(sbi)) {
            throw error(name, line, "sbi must be 2-5 digits, got '" + sbi + "'");
          }
          if (!sink.put(id, canonical.computeIfAbsent(sbi, s -> s))) {
            throw error(name, line, "duplicate merchant_id " + id);
          }
        });
  }

  /**
   * Parses {@code sbi.csv}: sbi 2-5 digits, no duplicate code.
   *
   * @return label by SBI code, ascending by code
   */
  public static SortedMap<String, String> sbi(String name, Reader in) throws IOException {
    SortedMap<String, String> result = new TreeMap<>();
    forEachRow(
        name,
        in,
        SBI_HEADER,
        2,
        (line, f) -> {
          if (!isSbi(f[0])) {
            throw error(name, line, "sbi must be 2-5 digits, got '" + f[0] + "'");
          }
          if (result.put(f[0], f[1]) != null) {
            throw error(name, line, "duplicate sbi " + f[0]);
          }
        });
    return Collections.unmodifiableSortedMap(result);
  }

  /** True when {@code s} is an SBI code: 2-5 decimal digits. */
  public static boolean isSbi(String s) {
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

  private interface RowHandler {
    void row(int lineNumber, String[] fields);
  }

  private static void forEachRow(
      String name, Reader in, String header, int columns, RowHandler handler) throws IOException {
    BufferedReader reader = new BufferedReader(in);
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
      handler.row(lineNumber, split(name, lineNumber, line, columns));
    }
  }

  private static String[] split(String name, int lineNumber, String line, int columns) {
    String[] fields = new String[columns];
    int start = 0;
    for (int i = 0; i < columns - 1; i++) {
      int comma = line.indexOf(',', start);
      if (comma < 0) {
        throw error(
            name, lineNumber, "expected " + columns + " comma-separated fields, got " + (i + 1));
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

  private static int parseInt(
      String name, int line, String column, String value, int min, int max) {
    try {
      int v = Integer.parseInt(value);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        name, line, column + " must be an integer " + min + "-" + max + ", got '" + value + "'");
  }

  private static long parsePositiveLong(String name, int line, String column, String value) {
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

  private static double parseDouble(
      String name, int line, String column, String value, double min, double max) {
    try {
      double v = Double.parseDouble(value);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        name, line, column + " must be a number " + min + " to " + max + ", got '" + value + "'");
  }

  private static IllegalArgumentException error(String name, int line, String message) {
    return new IllegalArgumentException(name + " line " + line + ": " + message);
  }
}
