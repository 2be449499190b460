package nl.datapoints.etl.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import nl.datapoints.etl.common.FractionRange;
import nl.datapoints.etl.common.WholeRange;

/**
 * Validated options of {@code scripts/etl generate}; built once by the CLI (runs in the client
 * JVM).
 *
 * @param out directory that receives {@code raw/dt=…} and {@code ref/*.csv}
 * @param from first partition date
 * @param days number of consecutive dates, in {@link #DAYS_RANGE}
 * @param eventsPerDay average lines per day (weekdays vary around it), in {@link
 *     #EVENTS_PER_DAY_RANGE}
 * @param seed seed of every random choice; same seed, same bytes
 * @param badFraction fraction of lines that are malformed, in {@link #BAD_FRACTION_RANGE}
 */
public record GenerateConfig(
    Path out, LocalDate from, int days, int eventsPerDay, long seed, double badFraction) {

  /** Default of {@code --events-per-day}. */
  public static final int DEFAULT_EVENTS_PER_DAY = 1_000_000;

  /** Default of {@code --seed}. */
  public static final long DEFAULT_SEED = 20130107L;

  /** Default of {@code --bad-fraction}. */
  public static final double DEFAULT_BAD_FRACTION = 0.001;

  /** The one bound of {@code --days}: ten years. */
  public static final WholeRange DAYS_RANGE = new WholeRange("days", 1, 3660);

  /** The one bound of {@code --events-per-day}. */
  public static final WholeRange EVENTS_PER_DAY_RANGE =
      new WholeRange("events-per-day", 1, 500_000_000);

  /** The one bound of {@code --bad-fraction}: a sample is mostly good lines. */
  public static final FractionRange BAD_FRACTION_RANGE = new FractionRange("bad-fraction", 0, 0.5);

  /** Validates every option; a mistake names the option, the allowed range and the value given. */
  public GenerateConfig {
    if (out == null) {
      throw new IllegalArgumentException("--out is required: a directory path; none was given");
    }
    if (from == null) {
      throw new IllegalArgumentException("--from is required: a date YYYY-MM-DD; none was given");
    }
    DAYS_RANGE.check(days);
    EVENTS_PER_DAY_RANGE.check(eventsPerDay);
    BAD_FRACTION_RANGE.check(badFraction);
  }

  /**
   * The options with defaults for {@code --events-per-day}, {@code --seed} and {@code
   * --bad-fraction}.
   */
  public static GenerateConfig withDefaults(Path out, LocalDate from, int days) {
    return new GenerateConfig(
        out, from, days, DEFAULT_EVENTS_PER_DAY, DEFAULT_SEED, DEFAULT_BAD_FRACTION);
  }

  /** A copy with another {@code --events-per-day}. */
  public GenerateConfig withEventsPerDay(int n) {
    return new GenerateConfig(out, from, days, n, seed, badFraction);
  }

  /** A copy with another {@code --seed}. */
  public GenerateConfig withSeed(long s) {
    return new GenerateConfig(out, from, days, eventsPerDay, s, badFraction);
  }

  /** A copy with another {@code --bad-fraction}. */
  public GenerateConfig withBadFraction(double f) {
    return new GenerateConfig(out, from, days, eventsPerDay, seed, f);
  }

  /** The last partition date written. */
  public LocalDate to() {
    return from.plusDays(days - 1L);
  }

  /** {@code DIR/raw}. */
  public Path rawDir() {
    return out.resolve("raw");
  }

  /** {@code DIR/ref}. */
  public Path refDir() {
    return out.resolve("ref");
  }
}
