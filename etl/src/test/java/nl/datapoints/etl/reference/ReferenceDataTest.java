package nl.datapoints.etl.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataTest {
  static final String POSTCODES =
      "pc4,lat,lon,name\n1012,52.37,4.89,Centrum\n"
          + "1017,52.36,4.89,\"Amsterdam, \"\"Grachten\"\"\"\n";
  static final String MERCHANTS = "merchant_id,sbi\n42,4711\n9223372036854775807,56\n";
  static final String SBI = "sbi,label\n4711,Supermarkten\n56,\"Eten, drinken\"\n";

  @TempDir Path tmp;

  @Test
  void loadsFromAHadoopFileSystem() throws Exception {
    Files.writeString(tmp.resolve("postcodes.csv"), POSTCODES);
    Files.writeString(tmp.resolve("merchants.csv"), MERCHANTS);
    Files.writeString(tmp.resolve("sbi.csv"), SBI);
    ReferenceData ref =
        ReferenceData.load(new Configuration(), new org.apache.hadoop.fs.Path(tmp.toUri()));
    assertTrue(ref.isKnownPc4(1012));
    assertEquals("4711", ref.sbiOf(42));
    assertEquals("Supermarkten", ref.sbiLabel("4711").orElseThrow());
  }

  @Test
  void knowsGazetteerPostcodesOnly() {
    ReferenceData ref = ReferenceData.of(POSTCODES, MERCHANTS, SBI);
    assertTrue(ref.isKnownPc4(1017));
    assertFalse(ref.isKnownPc4(1018));
    assertFalse(ref.isKnownPc4(-1));
    assertFalse(ref.isKnownPc4(123_456));
  }

  @Test
  void mapsSixtyFourBitMerchantIds() {
    ReferenceData ref = ReferenceData.of(POSTCODES, MERCHANTS, SBI);
    assertEquals("56", ref.sbiOf(Long.MAX_VALUE));
    assertNull(ref.sbiOf(43));
    assertNull(ref.sbiOf(Long.MIN_VALUE));
  }

  @Test
  void mapsManyMerchants() {
    StringBuilder csv = new StringBuilder("merchant_id,sbi\n");
    for (long id = 1; id <= 50_000; id++) {
      csv.append(id * 1_000_003L).append(',').append(10 + id % 90).append('\n');
    }
    ReferenceData ref = ReferenceData.of(POSTCODES, csv.toString(), SBI);
    assertEquals(50_000, ref.merchantCount());
    assertEquals(String.valueOf(10 + 777 % 90), ref.sbiOf(777 * 1_000_003L));
    assertNull(ref.sbiOf(778));
  }

  @Test
  void rejectsMissingFileNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReferenceData.load(
                    new Configuration(), new org.apache.hadoop.fs.Path(tmp.toUri())));
    assertTrue(e.getMessage().contains("postcodes.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
