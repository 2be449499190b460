package nl.datapoints.serving.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads {@code postcodes.csv} ({@code pc4,lat,lon,name}) and {@code sbi.csv} ({@code sbi,label}). */
public final class ReferenceLoader {
  private ReferenceLoader() {}

  /** Reads the gazetteer from {@code dir/postcodes.csv}. */
  public static Gazetteer gazetteer(Path dir) {
    Path file = dir.resolve("postcodes.csv");
    List<Place> places = new ArrayList<>();
    forEachRow(file, "pc4,lat,lon", 4, (line, f) -> {
      int pc4 = Integer.parseInt(f[0].trim());
      if (pc4 < 1000 || pc4 > 9999) {
        throw new IllegalArgumentException("pc4 must be in 1000..9999, got " + pc4);
      }
      places.add(new Place(pc4, Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim()),
          f.length > 3 ? unquote(f[3]) : ""));
    });
    return new Gazetteer(places);
  }

  /** Reads the SBI labels from {@code dir/sbi.csv}. */
  public static SbiCatalog sbi(Path dir) {
    Path file = dir.resolve("sbi.csv");
    Map<String, String> labels = new LinkedHashMap<>();
    forEachRow(file, "sbi,label", 2, (line, f) -> labels.put(f[0].trim(), f.length > 1 ? unquote(f[1]) : ""));
    return new SbiCatalog(labels);
  }

  private interface RowHandler {
    void handle(int line, String[] fields);
  }

  private static void forEachRow(Path file, String headerPrefix, int maxFields, RowHandler handler) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.replace("\uFEFF", "").trim().startsWith(headerPrefix)) {
        throw new IllegalArgumentException(
            file + " must start with the header '" + headerPrefix + "…', got '" + header + "'");
      }
      String row;
      int line = 1;
      while ((row = in.readLine()) != null) {
        line++;
        if (row.isBlank()) {
          continue;
        }
        try {
          handler.handle(line, row.split(",", maxFields));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + " line " + line + " is malformed: " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference file " + file, e);
    }
  }

  private static String unquote(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return t;
  }
}
