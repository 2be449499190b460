package nl.datapoints.etl.release;

import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Predicate;
import nl.datapoints.schemas.Level;

/**
 * What the service can answer from a release (test scope): the sum of the released values of one
 * level over an area (pc4s) and dates, for the members a filter keeps, and the noise variance of
 * that sum. An attack sees nothing else.
 */
interface Answers {
  /**
   * Σ released hits of the members of {@code level} in {@code pc4s} × {@code dates} that {@code
   * filter} keeps.
   */
  long hits(
      Level level, Collection<Integer> pc4s, Collection<LocalDate> dates, Predicate<Member> filter);

  /** Σ of the noise variances of the values {@link #hits} sums (0 for exact values). */
  double variance(
      Level level, Collection<Integer> pc4s, Collection<LocalDate> dates, Predicate<Member> filter);

  /**
   * The same release computed again from scratch (a rerun of the pipeline, or the same query asked
   * again).
   */
  Answers rerun();

  /** The bytes of the released values of one date × pc4, as stored. */
  byte[] bytes(LocalDate date, int pc4);
}
