package nl.datapoints.etl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GenerateConfigTest {

  private static final Path OUT = Path.of("var/sample");
  private static final LocalDate FROM = LocalDate.of(2013, 1, 7);

  @Test
  void defaultsAreTheDocumentedOnes() {
    GenerateConfig c = GenerateConfig.withDefaults(OUT, FROM, 3);
    assertEquals(1_000_000, c.eventsPerDay());
    assertEquals(0.001, c.badFraction());
    assertEquals(GenerateConfig.DEFAULT_SEED, c.seed());
    assertEquals(LocalDate.of(2013, 1, 9), c.to());
    assertEquals(OUT.resolve("raw"), c.rawDir());
    assertEquals(OUT.resolve("ref"), c.refDir());
  }

  @Test
  void rejectsZeroDaysNamingOptionRangeAndValue() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> GenerateConfig.withDefaults(OUT, FROM, 0));
    assertEquals("--days must be a whole number in 1..3660, got 0", e.getMessage());
  }

  @Test
  void rejectsNonPositiveEventsPerDay() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GenerateConfig.withDefaults(OUT, FROM, 1).withEventsPerDay(-5));
    assertEquals("--events-per-day must be a whole number in 1..500000000, got -5", e.getMessage());
  }

  @Test
  void rejectsBadFractionAboveHalfAndNaN() {
    GenerateConfig c = GenerateConfig.withDefaults(OUT, FROM, 1);
    var e = assertThrows(IllegalArgumentException.class, () -> c.withBadFraction(0.75));
    assertEquals("--bad-fraction must be a fraction in 0..0.5, got 0.75", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> c.withBadFraction(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> c.withBadFraction(-0.01));
  }

  @Test
  void requiresOutAndFrom() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new GenerateConfig(null, FROM, 1, 10, 1, 0));
    assertEquals("--out is required: a directory path; none was given", e.getMessage());
    var f =
        assertThrows(
            IllegalArgumentException.class, () -> new GenerateConfig(OUT, null, 1, 10, 1, 0));
    assertEquals("--from is required: a date YYYY-MM-DD; none was given", f.getMessage());
  }
}
