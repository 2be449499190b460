package nl.datapoints.serving.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {
  private final QueryParser parser = new QueryParser(31, 25);

  @ParameterizedTest
  @ValueSource(strings = {"1017", "1017AB", "1017ab", "1017 AB", "1017 aB", " 1017 "})
  void acceptsPc4AndPc6InAnyCaseWithOptionalSpace(String raw) {
    assertEquals(1017, parser.postcode(raw));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0123",
        "123",
        "12345",
        "1017ABC",
        "1017  AB",
        "1017-AB",
        "abcd",
        "",
        "1017A",
        "10l7"
      })
  void rejectsMalformedPostcodes(String raw) {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> parser.postcode(raw));
    assertTrue(e.getMessage().startsWith("postcode must be"), e.getMessage());
  }

  @Test
  void parsesDatesSeparatedBySemicolonOrCommaAscendingDistinct() {
    assertEquals(
        List.of(
            LocalDate.parse("2013-01-07"),
            LocalDate.parse("2013-01-08"),
            LocalDate.parse("2013-01-09")),
        parser.dates("2013-01-09;2013-01-07,2013-01-08;2013-01-07"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "2013-1-8",
        "2013-13-01",
        "2013-02-30",
        "20130108",
        "2013-01-08;",
        ";2013-01-08",
        "2013-01-08;;2013-01-09",
        "2013-01-08 2013-01-09",
        "yesterday"
      })
  void rejectsMalformedDates(String raw) {
    assertThrows(InvalidQueryException.class, () -> parser.dates(raw));
  }

  @Test
  void rejectsMoreThanMaxDates() {
    List<String> days = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      days.add(LocalDate.parse("2013-01-01").plusDays(i).toString());
    }
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> parser.dates(String.join(";", days)));
    assertTrue(e.getMessage().contains("at most 31"), e.getMessage());
    assertEquals(31, parser.dates(String.join(";", days.subList(0, 31))).size());
  }

  @Test
  void countsDuplicatesOnceAgainstMaxDates() {
    QueryParser two = new QueryParser(2, 25);
    assertEquals(2, two.dates("2013-01-08;2013-01-08;2013-01-09").size());
  }

  @Test
  void radiusDefaultsToOneKmAndAcceptsDecimals() {
    assertEquals(1.0, parser.radius(null));
    assertEquals(0.0, parser.radius("0"));
    assertEquals(2.5, parser.radius("2.5"));
    assertEquals(25.0, parser.radius("25"));
    assertEquals(0.5, parser.radius(".5"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"-1", "25.01", "26", "abc", "NaN", "Infinity", "1e1", "0x10", "1,5", "1d"})
  void rejectsRadiusOutsideRangeOrMalformed(String raw) {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> parser.radius(raw));
    assertTrue(e.getMessage().contains("radius"), e.getMessage());
  }

  @Test
  void normalisesFilters() {
    Filter f = parser.filter(List.of("4711", "56", "4711"), List.of("3", "1"));
    assertEquals(List.of("4711", "56"), f.sbi());
    assertEquals(List.of(1, 3), f.activity());
    assertTrue(parser.filter(null, null).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"4", "123456", "ab", "", "47 11"})
  void rejectsMalformedSbi(String raw) {
    assertThrows(InvalidQueryException.class, () -> parser.filter(List.of(raw), List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "x", "-1", "", "1.5"})
  void rejectsMalformedActivity(String raw) {
    assertThrows(InvalidQueryException.class, () -> parser.filter(List.of(), List.of(raw)));
  }
}
