package nl.datapoints.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AreaRowsTest {
  @Test
  void sumsAreaRowsSkipsOthersSeeksOverGapsAndStopsAfterTheLastRun() {
    // Area 1011, 1013, 1050, 1051 in runs [1011, 1013] and [1050, 1051]: 1012 is inside a run
    // (a number the gazetteer does not list), 1020-1049 lie between the runs.
    AreaRows rows =
        new AreaRows(
            new SumsRequest(
                AreaSumsTest.UNFILTERED,
                new LocalDate[] {LocalDate.of(2013, 1, 8)},
                new long[] {1},
                new int[] {1011, 1013, 1050, 1051},
                new int[] {1011, 1050},
                new int[] {1013, 1051}));
    assertEquals(AreaRows.SEEK, rows.next(1005));
    assertEquals(1011, rows.seekTo());
    assertEquals(0, rows.next(1011));
    assertEquals(AreaRows.SKIP, rows.next(1012));
    assertEquals(1, rows.next(1013));
    assertEquals(AreaRows.SEEK, rows.next(1020));
    assertEquals(1050, rows.seekTo());
    assertEquals(3, rows.next(1051));
    assertEquals(AreaRows.DONE, rows.next(1052));
  }
}
