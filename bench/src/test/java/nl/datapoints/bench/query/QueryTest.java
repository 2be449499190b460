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
  void aLineThatIsNotAQueryIsNamed() {
    assertEquals(
        "a query line is pc4<TAB>radiusKm<TAB>d1;d2;..., got '1012\t10'",
        assertThrows(IllegalArgumentException.class, () -> Query.parse("1012\t10")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Query.parse("1012\tten\t2013-01-08"));
    assertThrows(IllegalArgumentException.class, () -> Query.parse("1012\t10\t2013-01-32"));
  }
}
