package nl.datapoints.etl.generate;

import java.util.List;

/**
 * What {@link SampleGenerator#generate} wrote: per-date truth plus the reference data sizes.
 *
 * @param days one entry per partition date, ascending
 * @param postcodes rows of {@code ref/postcodes.csv}
 * @param sbiCodes rows of {@code ref/sbi.csv}
 * @param merchants rows of {@code ref/merchants.csv}
 * @param users size of the returning-user population
 * @param elapsedNanos wall-clock time of the whole generation
 * @param cpuNanos CPU time of the generating thread (-1 where the JVM cannot tell)
 */
public record GenerateSummary(
    List<DaySummary> days,
    int postcodes,
    int sbiCodes,
    int merchants,
    int users,
    long elapsedNanos,
    long cpuNanos) {

  /** Copies the day list. */
  public GenerateSummary {
    days = List.copyOf(days);
  }

  public long lines() {
    return days.stream().mapToLong(DaySummary::lines).sum();
  }

  public long events() {
    return days.stream().mapToLong(DaySummary::events).sum();
  }

  public long rawBytes() {
    return days.stream().mapToLong(DaySummary::rawBytes).sum();
  }

  public long bytes() {
    return days.stream().mapToLong(DaySummary::bytes).sum();
  }

  /** Lines written per second of wall-clock time. */
  public double linesPerSecond() {
    return elapsedNanos <= 0 ? 0 : lines() * 1e9 / elapsedNanos;
  }

  /** Lines written per second of CPU time (the speed on an idle core). */
  public double linesPerCpuSecond() {
    return cpuNanos <= 0 ? 0 : lines() * 1e9 / cpuNanos;
  }
}
