package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueryListsTest {
  private static final LocalDate FROM = LocalDate.of(2013, 1, 8);
  private static final LocalDate TO = LocalDate.of(2013, 1, 21); // 14 dates

  private static void assertConsecutiveInside(Query q) {
    LocalDate first = q.dates().get(0);
    assertEquals(Query.consecutive(first, q.dates().size()), q.dates());
    assertTrue(!first.isBefore(FROM) && !q.dates().get(q.dates().size() - 1).isAfter(TO), q.line());
  }

  @Test
  void hardestIsTenKmAroundTheDamAtSevenDatesRotatingOverEveryStart() {
    List<Query> qs = QueryLists.hardest(FROM, TO, 20);
    assertEquals(20, qs.size());
    for (Query q : qs) {
      assertEquals(1012, q.pc4());
      assertEquals(10.0, q.radiusKm());
      assertEquals(7, q.dates().size());
      assertConsecutiveInside(q);
    }
    // 14 dates hold 8 starts of 7 consecutive dates: all used, then it wraps.
    Set<LocalDate> starts = qs.stream().map(q -> q.dates().get(0)).collect(Collectors.toSet());
    assertEquals(8, starts.size());
    assertEquals(qs.get(0), qs.get(8));
  }

  @Test
  void fixedShapeThatDoesNotFitIsRefused() {
    assertEquals(
        "--dates 15 does not fit in 2013-01-08..2013-01-21 (14 dates)",
        assertThrows(
                IllegalArgumentException.class,
                () -> QueryLists.fixedShape(1012, 5, 15, FROM, TO, 3))
            .getMessage());
    assertEquals(
        1,
        QueryLists.fixedShape(1012, 5, 14, FROM, TO, 3).stream()
            .map(q -> q.dates().get(0))
            .distinct()
            .count());
  }

  @Test
  void mixIsDeterministicForASeedAndStaysInsideTheRange() {
    List<Integer> pc4s = List.of(1012, 1017, 3011, 3512);
    List<Query> a = QueryLists.mixed(pc4s, FROM, TO, 500, 7);
    assertEquals(a, QueryLists.mixed(pc4s, FROM, TO, 500, 7));
    assertNotEquals(a, QueryLists.mixed(pc4s, FROM, TO, 500, 8));
    for (Query q : a) {
      assertTrue(pc4s.contains(q.pc4()));
      assertTrue(
          q.radiusKm() >= 1 && q.radiusKm() <= 10 && q.radiusKm() == Math.rint(q.radiusKm()));
      assertTrue(q.dates().size() >= 1 && q.dates().size() <= 7);
      assertConsecutiveInside(q);
    }
    // Every shape of the mix occurs in 500 draws.
    assertEquals(7, a.stream().map(q -> q.dates().size()).distinct().count());
    assertEquals(10, a.stream().map(Query::radiusKm).distinct().count());
  }

  @Test
  void mixNeedsAWeekOfDates() {
    assertEquals(
        "--from..--to must hold at least 7 dates for the mix, got 2013-01-08..2013-01-13 (6)",
        assertThrows(
                IllegalArgumentException.class,
                () -> QueryLists.mixed(List.of(1012), FROM, FROM.plusDays(5), 1, 7))
            .getMessage());
    assertEquals(
        "--to must not be before --from, got 2013-01-08..2013-01-07",
        assertThrows(IllegalArgumentException.class, () -> QueryLists.span(FROM, FROM.minusDays(1)))
            .getMessage());
  }

  @Test
  void filteredQueriesAreTheMixWithAnSbiAnActivityOrBothFilter() {
    List<Integer> pc4s = List.of(1011, 1012, 3011);
    List<String> codes = List.of("4711", "4711", "5610");
    List<Query> qs = QueryLists.filtered(pc4s, codes, FROM, TO, 300, 7);
    assertEquals(qs, QueryLists.filtered(pc4s, codes, FROM, TO, 300, 7));
    List<Query> mix = QueryLists.mixed(pc4s, FROM, TO, 300, 7);
    int sbiOnly = 0;
    int activityOnly = 0;
    int both = 0;
    for (int i = 0; i < qs.size(); i++) {
      Query q = qs.get(i);
      assertEquals(mix.get(i).dates(), q.dates());
      assertEquals(mix.get(i).pc4(), q.pc4());
      assertTrue(q.filtered(), q.line());
      assertTrue(codes.containsAll(q.sbi()), q.line());
      assertTrue(QueryLists.ACTIVITIES.containsAll(q.activity()), q.line());
      if (q.activity().isEmpty()) {
        sbiOnly++;
      } else if (q.sbi().isEmpty()) {
        activityOnly++;
      } else {
        both++;
      }
    }
    assertTrue(
        sbiOnly > 60 && activityOnly > 60 && both > 60, sbiOnly + " " + activityOnly + " " + both);
  }
}
