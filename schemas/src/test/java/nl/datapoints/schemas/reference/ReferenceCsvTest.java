package nl.datapoints.schemas.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceCsvTest {
  static final String POSTCODES =
      "pc4,lat,lon,name\n1012,52.37,4.89,Centrum\n"
          + "1017,52.36,4.89,\"Amsterdam, \"\"Grachten\"\"\"\n";
  static final String MERCHANTS = "merchant_id,sbi\n42,4711\n9223372036854775807,56\n";
  static final String SBI = "sbi,label\n4711,Supermarkten\n56,\"Eten, drinken\"\n";

  /** Parses the three files as the pipeline and the service do; returns the first failure. */
  private static IllegalArgumentException failure(String postcodes, String merchants, String sbi) {
    return assertThrows(IllegalArgumentException.class, () -> parseAll(postcodes, merchants, sbi));
  }

  private static void parseAll(String postcodes, String merchants, String sbi) throws IOException {
    ReferenceCsv.postcodes(ReferenceCsv.POSTCODES, new StringReader(postcodes));
    Map<Long, String> m = new HashMap<>();
    ReferenceCsv.merchants(
        ReferenceCsv.MERCHANTS, new StringReader(merchants), (id, s) -> m.put(id, s) == null);
    ReferenceCsv.sbi(ReferenceCsv.SBI, new StringReader(sbi));
  }

  @Test
  void acceptsByteOrderMarkAndBlankLines() throws IOException {
    var pcs =
        ReferenceCsv.postcodes(
            "p", new StringReader("\uFEFFpc4,lat,lon,name\n\n1012,52.37,4.89,x\n\n"));
    assertEquals(1, pcs.size());
    assertEquals(1012, pcs.firstKey());
  }

  @Test
  void labelsSbiCodesInOrder() throws IOException {
    var sbi = ReferenceCsv.sbi("sbi.csv", new StringReader(SBI));
    assertEquals(java.util.List.of("4711", "56"), java.util.List.copyOf(sbi.keySet()));
    assertEquals("Eten, drinken", sbi.get("56"));
  }

  @Test
  void readsQuotedNameWithCommaAndQuotes() throws IOException {
    var pcs = ReferenceCsv.postcodes("postcodes.csv", new StringReader(POSTCODES));
    assertEquals("Amsterdam, \"Grachten\"", pcs.get(1017).name());
    assertEquals(52.36, pcs.get(1017).lat(), 1e-9);
  }

  @Test
  void rejectsWrongHeaderNamingFileAndLine() {
    IllegalArgumentException e = failure("pc,lat,lon,name\n1012,1,1,x\n", MERCHANTS, SBI);
    assertTrue(
        e.getMessage().startsWith("postcodes.csv line 1: header must be 'pc4,lat,lon,name'"),
        e.getMessage());
  }

  @Test
  void rejectsSbiOfOneDigitNamingFileAndLine() {
    IllegalArgumentException e = failure(POSTCODES, "merchant_id,sbi\n42,4711\n43,5\n", SBI);
    assertTrue(
        e.getMessage().startsWith("merchants.csv line 3: sbi must be 2-5 digits, got '5'"),
        e.getMessage());
  }

  @Test
  void rejectsSbiOfSixDigits() {
    IllegalArgumentException e = failure(POSTCODES, "merchant_id,sbi\n42,471100\n", SBI);
    assertTrue(e.getMessage().contains("merchants.csv line 2"), e.getMessage());
  }

  @Test
  void rejectsNonPositiveMerchant() {
    IllegalArgumentException e = failure(POSTCODES, "merchant_id,sbi\n-4,4711\n", SBI);
    assertTrue(
        e.getMessage().contains("merchant_id must be a positive 64-bit integer, got '-4'"),
        e.getMessage());
  }

  @Test
  void rejectsDuplicateMerchant() {
    IllegalArgumentException e = failure(POSTCODES, "merchant_id,sbi\n42,4711\n42,56\n", SBI);
    assertTrue(
        e.getMessage().contains("merchants.csv line 3: duplicate merchant_id 42"), e.getMessage());
  }

  @Test
  void rejectsPc4OutOfRange() {
    IllegalArgumentException e = failure("pc4,lat,lon,name\n0999,52,4,x\n", MERCHANTS, SBI);
    assertTrue(
        e.getMessage().contains("postcodes.csv line 2: pc4 must be an integer 1000-9999"),
        e.getMessage());
  }

  @Test
  void rejectsLatitudeOutOfRange() {
    IllegalArgumentException e = failure("pc4,lat,lon,name\n1012,95,4,x\n", MERCHANTS, SBI);
    assertTrue(e.getMessage().contains("postcodes.csv line 2: lat"), e.getMessage());
  }

  @Test
  void rejectsMissingColumns() {
    IllegalArgumentException e = failure("pc4,lat,lon,name\n1012,52\n", MERCHANTS, SBI);
    assertTrue(e.getMessage().contains("postcodes.csv line 2: expected 4"), e.getMessage());
  }

  @Test
  void rejectsBadSbiInLabels() {
    IllegalArgumentException e = failure(POSTCODES, MERCHANTS, "sbi,label\nabc,x\n");
    assertTrue(e.getMessage().contains("sbi.csv line 2"), e.getMessage());
  }

  @Test
  void rejectsEmptyGazetteer() {
    IllegalArgumentException e = failure("pc4,lat,lon,name\n", MERCHANTS, SBI);
    assertTrue(e.getMessage().contains("no postcodes"), e.getMessage());
  }
}
