package nl.datapoints.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import nl.datapoints.schemas.RowKey;
import org.junit.jupiter.api.Test;

class DateRowsTest {
  private static final LocalDate D8 = LocalDate.of(2013, 1, 8);
  private static final LocalDate D10 = LocalDate.of(2013, 1, 10);
  private static final LocalDate D11 = LocalDate.of(2013, 1, 11);

  // Area 1011, 1013, 1050 in runs [1011, 1013] and [1050, 1050], on 8, 10 and 11 January.
  private static final SumsRequest REQUEST =
      new SumsRequest(
          AreaSumsTest.UNFILTERED,
          new LocalDate[] {D8, D10, D11},
          new long[] {1, 2, 3},
          new int[] {1011, 1013, 1050},
          new int[] {1011, 1050},
          new int[] {1013, 1050});

  private static int next(DateRows rows, LocalDate date, int pc4) {
    byte[] key = new byte[RowKey.LENGTH + 3];
    System.arraycopy(RowKey.of(date, pc4).toBytes(), 0, key, 3, RowKey.LENGTH);
    return rows.next(key, 3, RowKey.LENGTH);
  }

  @Test
  void walksEveryDateOfTheSpanAndJumpsTheDatesBetween() {
    DateRows rows = new DateRows(REQUEST, 0, 2);
    assertEquals(0, next(rows, D8, 1011));
    assertEquals(0, rows.date());
    assertEquals(DateRows.SKIP, next(rows, D8, 1012));
    assertEquals(DateRows.SEEK, next(rows, D8, 1020));
    assertArrayEquals(RowKey.of(D8, 1050).toBytes(), rows.seekTo());
    assertEquals(2, next(rows, D8, 1050));
    // Past the last run of the 8th: on to the first run of the next date asked for.
    assertEquals(DateRows.SEEK, next(rows, D8, 1051));
    assertArrayEquals(RowKey.of(D10, 1011).toBytes(), rows.seekTo());
    // A row of the 9th (not asked for) also seeks there.
    assertEquals(DateRows.SEEK, next(rows, LocalDate.of(2013, 1, 9), 1011));
    assertArrayEquals(RowKey.of(D10, 1011).toBytes(), rows.seekTo());
    assertEquals(1, next(rows, D10, 1013));
    assertEquals(1, rows.date());
    // The 10th ends without a row past its runs: the first row of the 11th starts that date.
    assertEquals(0, next(rows, D11, 1011));
    assertEquals(2, rows.date());
    assertEquals(DateRows.DONE, next(rows, D11, 1051));
  }

  @Test
  void aRowOfALaterDateStartsItsWalkWhereTheRowIs() {
    DateRows rows = new DateRows(REQUEST, 0, 1);
    assertEquals(DateRows.SEEK, next(rows, D10, 1005));
    assertArrayEquals(RowKey.of(D10, 1011).toBytes(), rows.seekTo());
    assertEquals(1, rows.date());
    assertEquals(2, next(rows, D10, 1050));
    // The span ends at the 10th: a row of the 11th is past it.
    assertEquals(DateRows.DONE, next(rows, D11, 1011));
  }

  @Test
  void aSpanOfARegionStartsInsideADate() {
    DateRows rows = new DateRows(REQUEST, 1, 2);
    assertEquals(2, next(rows, D10, 1050));
    assertEquals(1, rows.date());
    assertThrows(IllegalArgumentException.class, () -> new DateRows(REQUEST, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new DateRows(REQUEST, 0, 3));
  }
}
