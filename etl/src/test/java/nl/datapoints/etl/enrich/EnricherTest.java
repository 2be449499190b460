package nl.datapoints.etl.enrich;

import static nl.datapoints.etl.enrich.Fixtures.concat;
import static nl.datapoints.etl.enrich.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EnricherTest {
  static final int JAN_8 = (int) LocalDate.parse("2013-01-08").toEpochDay();
  static final String GOOD = "2013-01-08T12:03:11+01:00\tuser-1\t10.1.2.3\t1017AB\t42\t7";

  private final Enricher enricher = new Enricher(Fixtures.reference(), Fixtures.KEY);
  private final EnrichResult result = new EnrichResult();

  private EnrichResult enrich(byte[] line) {
    return enricher.enrich(line, line.length, false, JAN_8, result);
  }

  private EnrichResult enrich(String line) {
    return enrich(utf8(line));
  }

  private Reason reasonOf(String line) {
    EnrichResult r = enrich(line);
    assertEquals(EnrichResult.Kind.QUARANTINED, r.kind(), line);
    return r.reason();
  }

  private static String withField(int index, String value) {
    String[] f = GOOD.split("\t");
    f[index] = value;
    return String.join("\t", f);
  }

  @Test
  void enrichesAGoodLine() throws Exception {
    EnrichResult r = enrich(GOOD);
    assertEquals(EnrichResult.Kind.EVENT, r.kind());
    assertNull(r.reason());
    assertEquals(JAN_8, r.epochDay());
    assertEquals(12, r.hour());
    assertEquals(1017, r.pc4());
    assertEquals(7, r.activity());
    assertEquals("4711", r.sbi());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Fixtures.keyBytes(), "HmacSHA256"));
    assertArrayEquals(Arrays.copyOf(mac.doFinal(utf8("user-1")), 16), r.userKey());
  }

  @Test
  void ignoresTrailingCarriageReturn() {
    EnrichResult r = enrich(GOOD + "\r");
    assertEquals(EnrichResult.Kind.EVENT, r.kind());
    assertEquals(7, r.activity());
  }

  @Test
  void countsEmptyLineAsEmpty() {
    assertEquals(EnrichResult.Kind.EMPTY, enrich("").kind());
  }

  @Test
  void countsLoneCarriageReturnAsEmpty() {
    assertEquals(EnrichResult.Kind.EMPTY, enrich("\r").kind());
  }

  @Test
  void usesOnlyTheGivenLength() {
    byte[] buffer = utf8(GOOD + "\tgarbage after the length");
    EnrichResult r = enricher.enrich(buffer, utf8(GOOD).length, false, JAN_8, result);
    assertEquals(EnrichResult.Kind.EVENT, r.kind());
  }

  @Test
  void quarantinesTooFewFields() {
    assertEquals(Reason.FIELD_COUNT, reasonOf("2013-01-08T12:03:11+01:00\tuser-1\t-\t1017AB\t42"));
  }

  @Test
  void quarantinesTooManyFields() {
    assertEquals(Reason.FIELD_COUNT, reasonOf(GOOD + "\textra"));
  }

  @Test
  void quarantinesLineWithoutTabs() {
    assertEquals(Reason.FIELD_COUNT, reasonOf("just some text"));
  }

  @Test
  void quarantinesBadTimestamp() {
    assertEquals(Reason.BAD_TIMESTAMP, reasonOf(withField(0, "2013-01-08 12:03:11")));
  }

  @Test
  void quarantinesEmptyUser() {
    assertEquals(Reason.EMPTY_USER, reasonOf(withField(1, "")));
  }

  @Test
  void acceptsUserOf128Characters() {
    assertEquals(EnrichResult.Kind.EVENT, enrich(withField(1, "é".repeat(128))).kind());
  }

  @Test
  void quarantinesUserLongerThan128CharactersAsEmptyUser() {
    assertEquals(Reason.EMPTY_USER, reasonOf(withField(1, "u".repeat(129))));
  }

  @Test
  void neverLooksAtTheClientIp() {
    assertEquals(EnrichResult.Kind.EVENT, enrich(withField(2, "")).kind());
  }

  @Test
  void acceptsPc6WithSpaceAndLowerCase() {
    EnrichResult r = enrich(withField(3, "1017 ab"));
    assertEquals(EnrichResult.Kind.EVENT, r.kind());
    assertEquals(1017, r.pc4());
  }

  @Test
  void quarantinesBadPostcode() {
    assertEquals(Reason.BAD_POSTCODE, reasonOf(withField(3, "0123AB")));
  }

  @Test
  void quarantinesNonNumericMerchant() {
    assertEquals(Reason.BAD_MERCHANT, reasonOf(withField(4, "4x2")));
  }

  @Test
  void quarantinesZeroMerchant() {
    assertEquals(Reason.BAD_MERCHANT, reasonOf(withField(4, "0")));
  }

  @Test
  void quarantinesMerchantBeyond64Bits() {
    assertEquals(Reason.BAD_MERCHANT, reasonOf(withField(4, "9223372036854775808")));
  }

  @Test
  void acceptsLargestMerchantId() {
    EnrichResult r = enrich(withField(4, "9223372036854775807"));
    assertEquals(EnrichResult.Kind.EVENT, r.kind());
    assertEquals("5610", r.sbi());
  }

  @Test
  void quarantinesActivityZero() {
    assertEquals(Reason.BAD_ACTIVITY, reasonOf(withField(5, "0")));
  }

  @Test
  void quarantinesActivityAbove65535() {
    assertEquals(Reason.BAD_ACTIVITY, reasonOf(withField(5, "65536")));
  }

  @Test
  void acceptsActivity65535() {
    assertEquals(65_535, enrich(withField(5, "65535")).activity());
  }

  @Test
  void quarantinesUnknownPostcode() {
    assertEquals(Reason.UNKNOWN_POSTCODE, reasonOf(withField(3, "5555XY")));
  }

  @Test
  void quarantinesUnknownMerchant() {
    assertEquals(Reason.UNKNOWN_MERCHANT, reasonOf(withField(4, "77")));
  }

  @Test
  void quarantinesEventOfAnotherLocalDate() {
    // 23:30Z on the 8th is 00:30 on the 9th in Amsterdam.
    assertEquals(Reason.OUT_OF_PARTITION, reasonOf(withField(0, "2013-01-08T23:30:00Z")));
  }

  @Test
  void keepsEventWhoseUtcDateDiffersButLocalDateMatches() {
    EnrichResult r = enrich(withField(0, "2013-01-07T23:30:00Z"));
    assertEquals(EnrichResult.Kind.EVENT, r.kind());
    assertEquals(0, r.hour());
  }

  @Test
  void quarantinesInvalidUtf8() {
    byte[] line =
        concat(
            utf8("2013-01-08T12:03:11+01:00\tus"),
            new byte[] {(byte) 0xC3, 0x28},
            utf8("\t-\t1017AB\t42\t7"));
    EnrichResult r = enrich(line);
    assertEquals(Reason.ENCODING, r.reason());
  }

  @Test
  void quarantinesTruncatedUtf8AtEndOfLine() {
    byte[] line = concat(utf8(GOOD), new byte[] {(byte) 0xE2, (byte) 0x82});
    assertEquals(Reason.ENCODING, enrich(line).reason());
  }

  @Test
  void quarantinesLineFlaggedTooLong() {
    byte[] line = utf8(GOOD);
    EnrichResult r = enricher.enrich(line, line.length, true, JAN_8, result);
    assertEquals(Reason.LINE_TOO_LONG, r.reason());
  }

  @Test
  void reusedResultForgetsThePreviousReason() {
    reasonOf(withField(4, "77"));
    assertNull(enrich(GOOD).reason());
  }
}
