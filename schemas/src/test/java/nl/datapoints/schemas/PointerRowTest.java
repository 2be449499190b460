package nl.datapoints.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import nl.datapoints.schemas.PointerRow.DatePointer;
import org.junit.jupiter.api.Test;

class PointerRowTest {
  private static final LocalDate D = LocalDate.of(2013, 1, 8);

  private static Generation g(long id) {
    return new Generation(id, id + 1000, false, 1, 1);
  }

  private static Map.Entry<byte[], byte[]> cell(String qualifier, byte[] value) {
    return Map.entry(qualifier.getBytes(StandardCharsets.US_ASCII), value);
  }

  @Test
  void qualifiersNameTheDate() {
    assertEquals(
        "2013-01-08", new String(PointerRow.currentQualifier(D), StandardCharsets.US_ASCII));
    assertEquals(
        "2013-01-08/kept", new String(PointerRow.keptQualifier(D), StandardCharsets.US_ASCII));
  }

  @Test
  void decodesWhatAFlipWrites() {
    List<Map.Entry<byte[], byte[]>> row =
        new ArrayList<>(PointerRow.flip(D, g(3), List.of(g(3), g(2))).entrySet());
    row.addAll(PointerRow.flip(D.plusDays(1), g(5), List.of(g(5))).entrySet());
    SortedMap<LocalDate, DatePointer> dates = PointerRow.decodeStrict(row);
    assertEquals(List.of(D, D.plusDays(1)), List.copyOf(dates.keySet()));
    assertEquals(new DatePointer(D, g(3), List.of(g(3), g(2))), dates.get(D));
    assertEquals(g(5), dates.get(D.plusDays(1)).current());
  }

  @Test
  void flipWritesCurrentThenKept() {
    Map<byte[], byte[]> cells = PointerRow.flip(D, g(3), List.of(g(3), g(2)));
    List<byte[]> qualifiers = List.copyOf(cells.keySet());
    assertArrayEquals(PointerRow.currentQualifier(D), qualifiers.get(0));
    assertArrayEquals(PointerRow.keptQualifier(D), qualifiers.get(1));
    assertArrayEquals(g(3).toBytes(), cells.get(qualifiers.get(0)));
  }

  @Test
  void flipRefusesACurrentGenerationThatIsNotKept() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PointerRow.flip(D, g(4), List.of(g(3))));
    assertTrue(e.getMessage().contains("must be one of its kept generations [3]"), e.getMessage());
  }

  @Test
  void oneMalformedCellDoesNotHideTheOtherDates() {
    List<String> bad = new ArrayList<>();
    List<Map.Entry<byte[], byte[]>> row =
        new ArrayList<>(PointerRow.flip(D, g(3), List.of(g(3))).entrySet());
    row.add(cell("2013-01-09", new byte[5]));
    row.add(cell("2013-13-40", g(1).toBytes()));
    row.add(cell("junk", new byte[0]));
    SortedMap<LocalDate, DatePointer> dates = PointerRow.decode(row, (q, why) -> bad.add(q));
    assertEquals(List.of(D), List.copyOf(dates.keySet()));
    assertEquals(List.of("2013-01-09", "2013-13-40", "junk"), bad);
    assertThrows(IllegalStateException.class, () -> PointerRow.decodeStrict(row));
  }

  @Test
  void keptWithoutCurrentIsNotAPublishedDate() {
    SortedMap<LocalDate, DatePointer> dates =
        PointerRow.decodeStrict(
            List.of(cell("2013-01-08/kept", Generation.listToBytes(List.of(g(1))))));
    assertTrue(dates.isEmpty());
  }

  @Test
  void currentWithoutKeptHasAnEmptyKeptList() {
    SortedMap<LocalDate, DatePointer> dates =
        PointerRow.decodeStrict(List.of(cell("2013-01-08", g(1).toBytes())));
    assertEquals(List.of(), dates.get(D).kept());
  }

  @Test
  void keptListPutsTheNewGenerationFirstAndTrims() {
    assertEquals(
        List.of(g(4), g(3), g(2)), PointerRow.keptAfterPublish(g(4), List.of(g(3), g(2), g(1)), 3));
    assertEquals(List.of(g(1)), PointerRow.keptAfterPublish(g(1), List.of(), 3));
  }

  @Test
  void republishingTheSameIdDoesNotKeepItTwice() {
    assertEquals(List.of(g(3), g(2)), PointerRow.keptAfterPublish(g(3), List.of(g(3), g(2)), 3));
  }

  @Test
  void keepingFewerThanTheMinimumIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PointerRow.keptAfterPublish(g(1), List.of(), 2));
    assertEquals("at least 3 generations must be kept, got 2", e.getMessage());
  }

  @Test
  void rollbackGoesToTheKeptGenerationOlderThanTheCurrent() {
    List<Generation> kept = List.of(g(3), g(2), g(1));
    assertEquals(g(2), PointerRow.rollbackTarget(new DatePointer(D, g(3), kept), Optional.empty()));
    assertEquals(g(1), PointerRow.rollbackTarget(new DatePointer(D, g(2), kept), Optional.empty()));
  }

  @Test
  void rollbackPastTheOldestKeptIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PointerRow.rollbackTarget(
                    new DatePointer(D, g(1), List.of(g(3), g(2), g(1))), Optional.empty()));
    assertTrue(e.getMessage().contains("[3, 2, 1]"), e.getMessage());
  }

  @Test
  void rollbackToAGivenGenerationMustBeKept() {
    DatePointer p = new DatePointer(D, g(3), List.of(g(3), g(2), g(1)));
    assertEquals(g(1), PointerRow.rollbackTarget(p, Optional.of(1L)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PointerRow.rollbackTarget(p, Optional.of(7L)));
    assertTrue(
        e.getMessage().contains("--generation")
            && e.getMessage().contains("[3, 2, 1]")
            && e.getMessage().contains("got 7"),
        e.getMessage());
  }

  @Test
  void layoutVersionOfTablesThatPredateTheRecord() {
    assertEquals(2, StoreLayout.versionOf(null, true));
    assertEquals(1, StoreLayout.versionOf(null, false));
    assertEquals(7, StoreLayout.versionOf(" 7", true));
    assertThrows(IllegalArgumentException.class, () -> StoreLayout.versionOf("two", true));
  }
}
