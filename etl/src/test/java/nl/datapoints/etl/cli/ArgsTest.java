package nl.datapoints.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.datapoints.etl.common.FractionRange;
import nl.datapoints.etl.common.WholeRange;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static final WholeRange K = new WholeRange("min-users", 1, 100);
  private static final FractionRange F = new FractionRange("max-bad-fraction", 0, 1);

  private static Args parse(String... words) {
    return Args.parse(
        "run",
        List.of(words),
        Set.of("date", "min-users", "max-bad-fraction"),
        Set.of("no-publish"));
  }

  @Test
  void readsValuesAndFlags() {
    Args a = parse("--date", "2013-01-08", "--no-publish", "--min-users=7");
    assertEquals(LocalDate.of(2013, 1, 8), a.requiredDate("date"));
    assertTrue(a.flag("no-publish"));
    assertEquals(7, a.intValue(K, 5));
    assertEquals(0.01, a.fraction(F, 0.01));
  }

  @Test
  void unknownOptionListsTheKnownOnes() {
    UsageException e = assertThrows(UsageException.class, () -> parse("--dat", "2013-01-08"));
    assertTrue(e.getMessage().contains("--dat"), e.getMessage());
    assertTrue(e.getMessage().contains("--date"), e.getMessage());
  }

  @Test
  void badDateNamesOptionAndValue() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> parse("--date", "2013-13-01").requiredDate("date"));
    assertEquals("--date must be a date YYYY-MM-DD, got '2013-13-01'", e.getMessage());
  }

  @Test
  void missingRequiredOptionIsNamed() {
    UsageException e = assertThrows(UsageException.class, () -> parse().requiredDate("date"));
    assertTrue(e.getMessage().contains("needs --date"), e.getMessage());
  }

  @Test
  void valueMissingAtEnd() {
    assertThrows(UsageException.class, () -> parse("--date"));
  }

  @Test
  void fractionOutOfRangeNamesRange() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> parse("--max-bad-fraction", "1.5").fraction(F, 0.01));
    assertEquals("--max-bad-fraction must be a fraction in 0..1, got 1.5", e.getMessage());
  }

  @Test
  void integerOutOfRangeNamesRange() {
    UsageException e =
        assertThrows(UsageException.class, () -> parse("--min-users", "0").intValue(K, 5));
    assertEquals("--min-users must be a whole number in 1..100, got 0", e.getMessage());
  }

  @Test
  void notANumberGetsTheSameMessageAsOutOfRange() {
    assertEquals(
        "--min-users must be a whole number in 1..100, got 'five'",
        assertThrows(UsageException.class, () -> parse("--min-users", "five").intValue(K, 5))
            .getMessage());
    assertEquals(
        "--max-bad-fraction must be a fraction in 0..1, got 'lots'",
        assertThrows(
                UsageException.class, () -> parse("--max-bad-fraction", "lots").fraction(F, 0.01))
            .getMessage());
    assertEquals(
        "--max-bad-fraction must be a fraction in 0..1, got NaN",
        assertThrows(
                UsageException.class, () -> parse("--max-bad-fraction", "NaN").fraction(F, 0.01))
            .getMessage());
  }

  @Test
  void aValueTooLargeForAnIntIsOutOfRangeNotWrappedAround() {
    assertEquals(
        "--min-users must be a whole number in 1..100, got 4294967297",
        assertThrows(UsageException.class, () -> parse("--min-users", "4294967297").intValue(K, 5))
            .getMessage());
  }

  @Test
  void anOptionNotGivenTakesItsDefault() {
    assertEquals(5, parse().intValue(K, 5));
    assertEquals(0.01, parse().fraction(F, 0.01));
  }

  @Test
  void strayWordIsRejected() {
    assertThrows(UsageException.class, () -> parse("2013-01-08"));
  }

  @Test
  void repeatedOptionIsRejected() {
    assertThrows(UsageException.class, () -> parse("--date", "2013-01-08", "--date", "2013-01-09"));
  }

  @Test
  void flagWithoutIt() {
    assertFalse(parse("--date", "2013-01-08").flag("no-publish"));
  }
}
