package nl.datapoints.bench.accuracy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric arithmetic of the accuracy bench (pure). "Released" is what an answer shows (the DP
 * release's sums, or the sums of the k-suppressed cells), "true" the exact sums of the events.
 */
final class Accuracy {
  /** The SBI table's top-k of the recall. */
  static final int TOP = 5;

  private Accuracy() {}

  /** Σ released ÷ Σ true; NaN when Σ true is 0. */
  static double completeness(long[] released, long[] truth) {
    check(released, truth);
    return ratio(sum(released), sum(truth));
  }

  /** Σ |released − true| ÷ Σ true; NaN when Σ true is 0. */
  static double weightedRelativeError(long[] released, long[] truth) {
    return ratio(absoluteError(released, truth), sum(truth));
  }

  /** Σ |released − true| over the slots: the numerator of the L1 error of a timeline. */
  static long absoluteError(long[] released, long[] truth) {
    check(released, truth);
    long e = 0;
    for (int i = 0; i < truth.length; i++) {
      e += Math.abs(released[i] - truth[i]);
    }
    return e;
  }

  /**
   * Whether {@code released} is within {@code tolerance} (a share, e.g. 0.05) of {@code truth}:
   * |released − true| ≤ tolerance × true; a true 0 is matched only by a released 0.
   */
  static boolean within(long released, long truth, double tolerance) {
    return Math.abs(released - truth) <= tolerance * truth;
  }

  /** The share of pairs {@link #within} the tolerance; NaN for none. */
  static double withinShare(long[] released, long[] truth, double tolerance) {
    check(released, truth);
    int n = 0;
    for (int i = 0; i < truth.length; i++) {
      if (within(released[i], truth[i], tolerance)) {
        n++;
      }
    }
    return truth.length == 0 ? Double.NaN : (double) n / truth.length;
  }

  /**
   * The {@code k} codes with the most hits, most first, ties by code ascending (the service's
   * order, docs/api.md §2.2); codes with 0 or fewer hits are never in it.
   */
  static List<String> top(Map<String, Long> hits, int k) {
    List<Map.Entry<String, Long>> positive = new ArrayList<>();
    for (Map.Entry<String, Long> e : hits.entrySet()) {
      if (e.getValue() > 0) {
        positive.add(e);
      }
    }
    positive.sort(
        Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
            .reversed()
            .thenComparing(Map.Entry::getKey));
    List<String> out = new ArrayList<>(k);
    for (int i = 0; i < Math.min(k, positive.size()); i++) {
      out.add(positive.get(i).getKey());
    }
    return out;
  }

  /**
   * The share of the true top-k codes that are in the released top-k; NaN when no code has true
   * hits (fewer than k true codes: the share of those).
   */
  static double recall(Map<String, Long> truth, Map<String, Long> released, int k) {
    List<String> t = top(truth, k);
    if (t.isEmpty()) {
      return Double.NaN;
    }
    Set<String> r = new HashSet<>(top(released, k));
    long hit = t.stream().filter(r::contains).count();
    return (double) hit / t.size();
  }

  /**
   * Whether the dashboard shows a figure as "too few to show reliably": its margin is larger than
   * {@code maxMarginShare} of its value (serving's {@code format.reliable}).
   */
  static boolean tooFew(long value, long moe, double maxMarginShare) {
    return moe > maxMarginShare * value;
  }

  /** {@code num ÷ den}; NaN when den is 0. */
  static double ratio(double num, double den) {
    return den == 0 ? Double.NaN : num / den;
  }

  private static long sum(long[] v) {
    long s = 0;
    for (long x : v) {
      s += x;
    }
    return s;
  }

  private static void check(long[] released, long[] truth) {
    if (released.length != truth.length) {
      throw new IllegalArgumentException(
          "released and true figures differ in length: " + released.length + " vs " + truth.length);
    }
  }
}
