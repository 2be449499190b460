package nl.datapoints.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowKeyTest {
  private static final LocalDate JAN8 = LocalDate.of(2013, 1, 8);

  @Test
  void encodesDateThenPostcodeAsTwelveAsciiDigits() {
    byte[] key = RowKey.of(JAN8, 1017).toBytes();
    assertEquals(RowKey.LENGTH, key.length);
    assertEquals("201301081017", new String(key, StandardCharsets.US_ASCII));
  }

  @Test
  void roundTrips() {
    RowKey k = RowKey.of(LocalDate.of(2024, 12, 31), 9999);
    assertEquals(k, RowKey.parse(k.toBytes()));
  }

  @Test
  void parsesAKeyInsideALargerArray() {
    byte[] k = RowKey.of(LocalDate.of(2013, 1, 8), 1012).toBytes();
    byte[] array = new byte[40];
    System.arraycopy(k, 0, array, 17, k.length);
    assertEquals(RowKey.of(LocalDate.of(2013, 1, 8), 1012), RowKey.parse(array, 17, k.length));
    assertEquals(
        "row key must be 12 bytes, got 11",
        assertThrows(IllegalArgumentException.class, () -> RowKey.parse(array, 17, 11))
            .getMessage());
    array[17 + 9] = 'x';
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> RowKey.parse(array, 17, 12))
            .getMessage()
            .startsWith("row key byte 9 is not a digit: 20130108"),
        "positions count from the key's start");
  }

  @Test
  void sortsByDateThenPostcodeInByteOrder() {
    List<RowKey> expected =
        List.of(
            RowKey.of(JAN8, 1000),
            RowKey.of(JAN8, 1017),
            RowKey.of(JAN8, 9999),
            RowKey.of(JAN8.plusDays(1), 1000),
            RowKey.of(LocalDate.of(2014, 1, 1), 1011));
    List<byte[]> keys = new ArrayList<>();
    for (int i = expected.size() - 1; i >= 0; i--) {
      keys.add(expected.get(i).toBytes());
    }
    keys.sort(Arrays::compareUnsigned);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), RowKey.parse(keys.get(i)));
    }
  }

  @Test
  void datePrefixStartsEveryKeyOfThatDate() {
    byte[] prefix = RowKey.datePrefix(JAN8);
    byte[] key = RowKey.of(JAN8, 1234).toBytes();
    assertArrayEquals(prefix, Arrays.copyOf(key, prefix.length));
  }

  @Test
  void pointerRowSortsAfterEveryDataRow() {
    byte[] last = RowKey.of(LocalDate.of(9999, 12, 31), 9999).toBytes();
    assertTrue(Arrays.compareUnsigned(StoreLayout.POINTER_ROW, last) > 0);
    assertTrue(RowKey.isDataRow(last));
    assertTrue(!RowKey.isDataRow(StoreLayout.POINTER_ROW));
  }

  @Test
  void rejectsPostcodeOutsideFourDigits() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RowKey.of(JAN8, 999));
    assertTrue(e.getMessage().contains("1000..9999"), e.getMessage());
    assertTrue(e.getMessage().contains("999"), e.getMessage());
  }

  @Test
  void rejectsKeyOfWrongWidth() {
    assertThrows(IllegalArgumentException.class, () -> RowKey.parse(new byte[11]));
  }

  @Test
  void rejectsNonDigitKey() {
    byte[] key = "2013010810AB".getBytes(StandardCharsets.US_ASCII);
    assertThrows(IllegalArgumentException.class, () -> RowKey.parse(key));
  }
}
