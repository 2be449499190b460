package nl.datapoints.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {
  private static final Query Q =
      new Query(1012, 10, List.of(LocalDate.of(2013, 1, 8), LocalDate.of(2013, 1, 9)));

  @Test
  void pathIsTheServicesWithEncodedSemicolons() {
    assertEquals("/api/1012/2013-01-08%3B2013-01-09/10.0", Q.path());
  }

  @Test
  void lineRoundTrips() {
    assertEquals("1012\t10\t2013-01-08;2013-01-09", Q.line());
    assertEquals(Q, Query.parse(Q.line()));
    Query half = new Query(3011, 2.5, List.of(LocalDate.of(2013, 2, 1)));
    assertEquals("3011\t2.5\t2013-02-01", half.line());
    assertEquals(half, Query.parse(half.line()));
  }

  @Test
  void filtersGoIntoThePathAndTheLineSortedAndDistinct() {
    Query f =
        new Query(
            1012,
            10,
            List.of(LocalDate.of(2013, 1, 8)),
            List.of("56", "4711", "56"),
            List.of(7, 1));
    assertEquals("/api/1012/2013-01-08/10.0?sbi=4711&sbi=56&activity=1&activity=7", f.path());
    assertEquals("1012\t10\t2013-01-08\tsbi=4711,56&activity=1,7", f.line());
    assertEquals(f, Query.parse(f.line()));
    Query a = new Query(1012, 10, List.of(LocalDate.of(2013, 1, 8)), List.of(), List.of(3));
    assertEquals("1012\t10\t2013-01-08\tactivity=3", a.line());
    assertEquals(a, Query.parse(a.line()));
    assertEquals(true, a.filtered());
    assertEquals(false, Q.filtered());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Query(1012, 1, List.of(LocalDate.of(2013, 1, 8)), List.of("4"), List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> Query.parse("1012\t10\t2013-01-08\tcolour=red"));
  }

  @Test
  void aLineThatIsNotAQueryIsNamed() {
    assertEquals(
        "a query line is pc4<TAB>radiusKm<TAB>d1;d2;...[<TAB>sbi=S1,S2&activity=A1,A2], got '1012\t10'",
        assertThrows(IllegalArgumentException.class, () -> Query.parse("1012\t10")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Query.parse("1012\tten\t2013-01-08"));
    assertThrows(IllegalArgumentException.class, () -> Query.parse("1012\t10\t2013-01-32"));
  }
}
