package nl.datapoints.bench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.etl.publish.RowBlocks;
import nl.datapoints.schemas.Generation;
import nl.datapoints.schemas.Level;
import nl.datapoints.schemas.ReleasedValue;
import org.junit.jupiter.api.Test;

class TableViewTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String digest(String... parts) {
    TableView.Digest d = new TableView.Digest();
    for (String p : parts) {
      d.add(b(p));
    }
    return d.hex();
  }

  @Test
  void digestIsTheSameForTheSameValuesInTheSameOrder() {
    assertEquals(
        digest("20130108-1012", "d", "c", "xyz"), digest("20130108-1012", "d", "c", "xyz"));
    assertEquals(64, digest("a").length());
  }

  @Test
  void digestSeesFieldBoundariesAndOrder() {
    assertNotEquals(digest("ab", "c"), digest("a", "bc"));
    assertNotEquals(digest("a", "b"), digest("b", "a"));
    assertNotEquals(digest(""), digest());
  }

  private static TableView view(String table, long rows, long valuesOfFirst, String sha, long bad) {
    Map<LocalDate, Generation> current = new TreeMap<>();
    current.put(
        LocalDate.of(2013, 1, 8),
        new Generation(1_000L, 2_000L, false, valuesOfFirst, 99, 1.0, 1e-8));
    // Ids and publish times differ between the two sides by design.
    current.put(
        LocalDate.of(2013, 1, 9),
        new Generation(
            1 + Math.abs(table.hashCode() % 1000),
            1 + System.nanoTime() % 1000,
            true,
            5,
            7,
            1.0,
            1e-8));
    return new TableView(table, TableView.pointers(current), rows, 15, 106, bad, sha);
  }

  @Test
  void tablesWithTheSameContentAreEqualWhateverTheirGenerationIds() {
    assertEquals(
        List.of(),
        TableView.differences(
            view("bench_bulk", 4, 10, "aa", 0), view("bench_puts", 4, 10, "aa", 0)));
  }

  @Test
  void everyDifferenceIsNamed() {
    List<String> why = TableView.differences(view("a", 4, 10, "aa", 0), view("b", 3, 11, "bb", 1));
    assertEquals(
        List.of(
            "pointers (dates / values / hits / baseline / epsilon / delta) differ",
            "row counts differ",
            "values differ (sha256)",
            "a table is empty or has rows that are not r:a [+ d:c]"),
        why);
    assertTrue(
        TableView.differences(view("a", 0, 10, "aa", 0), view("b", 0, 10, "aa", 0))
            .contains("a table is empty or has rows that are not r:a [+ d:c]"));
  }

  @Test
  void pointerIsWhatAPublishDecidesWithTheGuarantee() {
    assertEquals(
        "values=10 hits=99 baselineMissing=false epsilon=1.0 delta=1.0E-8",
        TableView.pointer(new Generation(1, 2, false, 10, 99, 1.0, 1e-8)));
    assertEquals(
        "table=t dates=2 rows=4 values=15 hits=106 bad_rows=0 sha256=aa",
        view("t", 4, 10, "aa", 0).summary());
    Map<LocalDate, Generation> old =
        Map.of(LocalDate.of(2013, 1, 8), new Generation(1, 2, false, 10, 99));
    TableView a = new TableView("a", TableView.pointers(old), 1, 10, 99, 0, "aa");
    assertEquals(
        List.of("a generation records no privacy guarantee (format 1, not layout 3)"),
        TableView.differences(a, new TableView("b", TableView.pointers(old), 1, 10, 99, 0, "aa")));
  }

  @Test
  void countsTheValuesAndTotalHitsOfLayoutThreeRows() {
    List<ReleasedValue> row = new ArrayList<>();
    LocalDate d = LocalDate.of(2013, 1, 8);
    row.add(new ReleasedValue(d, 1012, Level.TOTAL, null, null, null, true, 40L, 28.5, 30L, 28.5));
    for (int h = 0; h < 24; h++) {
      row.add(new ReleasedValue(d, 1012, Level.HOUR, h, null, null, true, 2L, 40.0, 1L, 40.0));
    }
    row.add(new ReleasedValue(d, 1012, Level.SBI, null, null, "4711", true, -3L, 50.0, 0L, 0.0));
    row.add(new ReleasedValue(d, 1012, Level.CELL, 9, 1, "4711", false, 0L, 0.0, 12L, 100.0));
    RowBlocks b = RowBlocks.of(row);
    CompareTables.Counts c = new CompareTables.Counts();
    c.row(b.area(), b.cells(), 2);
    c.row(b.area(), null, 1);
    assertEquals(2, c.rows);
    assertEquals(27 + 26, c.values);
    assertEquals(80, c.hits);
    assertEquals(0, c.badRows);
    c.row(null, b.cells(), 1); // no r:a
    c.row(b.area(), null, 2); // an extra cell
    assertEquals(2, c.badRows);
  }

  @Test
  void putPublishKeepsThePublishStagesBaselineRule() {
    assertTrue(PutPublish.baselineMissing(new PutPublish.DateSums(1, 3, 9, 1, 100), true));
    assertEquals(
        false, PutPublish.baselineMissing(new PutPublish.DateSums(1, 3, 9, 0, 100), false));
    assertTrue(PutPublish.baselineMissing(new PutPublish.DateSums(0, 0, 0, 0, 0), false));
    assertEquals(false, PutPublish.baselineMissing(new PutPublish.DateSums(0, 0, 0, 0, 0), true));
  }
}
