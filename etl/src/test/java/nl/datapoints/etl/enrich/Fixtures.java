package nl.datapoints.etl.enrich;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import nl.datapoints.etl.reference.ReferenceData;

/** Small reference data, key and raw files shared by the enrich tests. */
final class Fixtures {
  static final String POSTCODES =
      "pc4,lat,lon,name\n"
          + "1012,52.3731,4.8922,Amsterdam Centrum\n"
          + "1017,52.3600,4.8900,\"Amsterdam, Grachtengordel\"\n"
          + "9999,53.4000,6.8000,Stitswerd\n";
  static final String MERCHANTS = "merchant_id,sbi\n42,4711\n43,56\n9223372036854775807,5610\n";
  static final String SBI = "sbi,label\n4711,Supermarkten\n56,Eetgelegenheden\n5610,Restaurants\n";

  static final HmacKey KEY =
      HmacKey.load(
          java.util.Optional.empty(),
          java.util.Map.of(
              HmacKey.ENV, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));

  private Fixtures() {}

  static ReferenceData reference() {
    return ReferenceData.of(POSTCODES, MERCHANTS, SBI);
  }

  static byte[] keyBytes() {
    return HexFormat.of()
        .parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  }

  static void writeReference(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ReferenceData.POSTCODES), POSTCODES);
    Files.writeString(dir.resolve(ReferenceData.MERCHANTS), MERCHANTS);
    Files.writeString(dir.resolve(ReferenceData.SBI), SBI);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
