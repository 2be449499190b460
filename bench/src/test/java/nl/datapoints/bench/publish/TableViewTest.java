package nl.datapoints.bench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.datapoints.schemas.Generation;
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

  private static TableView view(String table, long rows, long cellsOfFirst, String sha, long bad) {
    Map<LocalDate, Generation> current = new TreeMap<>();
    current.put(LocalDate.of(2013, 1, 8), new Generation(1_000L, 2_000L, false, cellsOfFirst, 99));
    // Ids and publish times differ between the two sides by design.
    current.put(
        LocalDate.of(2013, 1, 9),
        new Generation(
            1 + Math.abs(table.hashCode() % 1000), 1 + System.nanoTime() % 1000, true, 5, 7));
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
            "pointers (dates / cells / hits / baseline) differ",
            "row counts differ",
            "values differ (sha256)",
            "a table is empty or has rows without all of c, h and s"),
        why);
    assertTrue(
        TableView.differences(view("a", 0, 10, "aa", 0), view("b", 0, 10, "aa", 0))
            .contains("a table is empty or has rows without all of c, h and s"));
  }

  @Test
  void pointerIsWhatAPublishDecides() {
    assertEquals(
        "cells=10 hits=99 baselineMissing=false",
        TableView.pointer(new Generation(1, 2, false, 10, 99)));
    assertEquals(
        "table=t dates=2 rows=4 cells=15 hits=106 rows_without_c_h_s=0 sha256=aa",
        view("t", 4, 10, "aa", 0).summary());
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
