package nl.datapoints.etl.generate;

/** Told after each partition date is complete on disk (the CLI prints a progress line). */
@FunctionalInterface
public interface GenerateProgress {

  /** Ignores progress. */
  GenerateProgress NONE = (done, total, day) -> {};

  /**
   * @param done dates written so far, 1..total
   * @param total dates to write
   * @param day what was written for the date just finished
   */
  void dayWritten(int done, int total, DaySummary day);
}
