package nl.datapoints.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {
  private static Options parse(String... args) {
    return Options.parse(List.of(args), Set.of("n", "from", "variant", "rate"), Set.of("hardest"));
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void readsValuesFlagsAndDefaults() {
    Options o = parse("--n", "12", "--hardest", "--from", "2013-01-08");
    assertEquals(12, o.integer("n", 1, 100));
    assertTrue(o.flag("hardest"));
    assertEquals(LocalDate.of(2013, 1, 8), o.date("from"));
    assertEquals("one", o.choice("variant", "one", List.of("one", "four")));
    assertEquals(2.5, o.decimal("rate", 2.5, 0, 10));
    assertFalse(o.has("variant"));
  }

  @Test
  void unknownOptionNamesTheKnownOnes() {
    assertEquals(
        "unknown option --clients (options: --from, --hardest, --n, --rate, --variant)",
        message(() -> parse("--clients", "4")));
  }

  @Test
  void aWordThatIsNotAnOptionIsRefused() {
    assertEquals("expected an option --name, got 'sizes'", message(() -> parse("sizes")));
  }

  @Test
  void operandsAreKeptWhenAllowed() {
    Options o =
        Options.parseWithOperands(
            List.of("--n", "3", "bench_bulk", "bench_puts"), Set.of("n"), Set.of());
    assertEquals(List.of("bench_bulk", "bench_puts"), o.operands());
    assertEquals(3, o.integer("n", 1, 9));
  }

  @Test
  void missingValueAndRepeatedOptionAreRefused() {
    assertEquals("--n needs a value", message(() -> parse("--n")));
    assertEquals("--n is given twice", message(() -> parse("--n", "1", "--n", "2")));
    assertEquals("--hardest is given twice", message(() -> parse("--hardest", "--hardest")));
  }

  @Test
  void requiredOptionIsNamed() {
    assertEquals("--from is required", message(() -> parse().date("from")));
  }

  @Test
  void numbersOutsideTheirRangeNameTheRangeAndTheValue() {
    assertEquals("--n must be 1..64, got 0", message(() -> parse("--n", "0").integer("n", 1, 64)));
    assertEquals(
        "--n must be a whole number 1..64, got 'four'",
        message(() -> parse("--n", "four").integer("n", 1, 64)));
    assertEquals(
        "--rate must be 0.0..1.0, got 1.5",
        message(() -> parse("--rate", "1.5").decimal("rate", 0, 1)));
    assertEquals(
        "--rate must be 0.0..1.0, got NaN",
        message(() -> parse("--rate", "NaN").decimal("rate", 0, 1)));
  }

  @Test
  void badDateAndChoiceAreNamed() {
    assertEquals(
        "--from must be a date YYYY-MM-DD, got '2013-13-01'",
        message(() -> parse("--from", "2013-13-01").date("from")));
    assertEquals(
        "--variant must be one | four, got 'two'",
        message(() -> parse("--variant", "two").choice("variant", "one", List.of("one", "four"))));
  }

  @Test
  void filesAndDirectoriesMustExist(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("q.tsv"), "x");
    Options o =
        Options.parse(
            List.of(
                "--from",
                f.toString(),
                "--variant",
                dir.toString(),
                "--n",
                dir.resolve("none").toString()),
            Set.of("from", "variant", "n"),
            Set.of());
    assertEquals(f, o.file("from"));
    assertEquals(dir, o.directory("variant"));
    assertEquals(
        "--variant must be an existing file, got " + dir, message(() -> o.file("variant")));
    assertEquals(
        "--n must be an existing directory, got " + dir.resolve("none"),
        message(() -> o.directory("n")));
  }

  @Test
  void commandMustBeOneOfTheTools() {
    assertEquals(
        "command must be queries | http, got 'https'",
        message(() -> Cli.command(List.of("https"), List.of("queries", "http"))));
    assertEquals(
        "a command is required: queries | http",
        message(() -> Cli.command(List.of(), List.of("queries", "http"))));
    assertEquals("http", Cli.command(List.of("http", "--n", "1"), List.of("queries", "http")));
  }
}
