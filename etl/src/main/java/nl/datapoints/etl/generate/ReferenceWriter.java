package nl.datapoints.etl.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code ref/postcodes.csv}, {@code ref/sbi.csv} and {@code ref/merchants.csv} (UTF-8, LF).
 */
final class ReferenceWriter {

  private ReferenceWriter() {}

  static void write(SampleWorld world, Path refDir) throws IOException {
    Files.createDirectories(refDir);
    try (BufferedWriter w =
        Files.newBufferedWriter(refDir.resolve("postcodes.csv"), StandardCharsets.UTF_8)) {
      w.write("pc4,lat,lon,name\n");
      for (Postcode4 p : world.postcodes) {
        w.write(
            String.format(
                    Locale.ROOT, "%d,%.5f,%.5f,%s%n", p.pc4(), p.lat(), p.lon(), csv(p.name()))
                .replace("\r\n", "\n"));
      }
    }
    try (BufferedWriter w =
        Files.newBufferedWriter(refDir.resolve("sbi.csv"), StandardCharsets.UTF_8)) {
      w.write("sbi,label\n");
      List<SbiCatalog.Sbi> codes =
          SbiCatalog.CODES.stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
      for (SbiCatalog.Sbi s : codes) {
        w.write(s.code() + "," + csv(s.label()) + "\n");
      }
    }
    Merchants m = world.merchants;
    Integer[] order = new Integer[m.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(m.ids[a], m.ids[b]));
    try (BufferedWriter w =
        Files.newBufferedWriter(refDir.resolve("merchants.csv"), StandardCharsets.UTF_8)) {
      w.write("merchant_id,sbi\n");
      for (int i : order) {
        w.write(m.ids[i] + "," + SbiCatalog.CODES.get(m.sbi[i]).code() + "\n");
      }
    }
  }

  /** Names and labels are written bare; they must not need CSV quoting. */
  private static String csv(String text) {
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalStateException("reference text needs quoting: " + text);
    }
    return text;
  }
}
