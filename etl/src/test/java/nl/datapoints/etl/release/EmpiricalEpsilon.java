package nl.datapoints.etl.release;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The empirical ε lower bound of a threshold test (test scope, pure). The test says "target present
 * iff statistic > τ"; its false-positive rate (FPR, on trials without the target) and
 * false-negative rate (FNR, on trials with it) bound ε of any (ε, δ)-DP release from below: FPR +
 * e^ε FNR ≥ 1 − δ and FNR + e^ε FPR ≥ 1 − δ, so ε ≥ max(ln((1 − δ − FNR) / FPR), ln((1 − δ − FPR) /
 * FNR)).
 *
 * <p>τ is chosen on the first half of each side's trials and the rates are counted on the other
 * half, with two-sided 95% Clopper–Pearson intervals: the bound from the upper ends is a 95% lower
 * confidence bound on ε (each upper end fails with probability ≤ 2.5%). The binomial tails are
 * summed exactly here (no library): n is at most a few thousand.
 */
final class EmpiricalEpsilon {
  /** Two-sided level of the Clopper–Pearson intervals. */
  static final double ALPHA = 0.05;

  private static final Map<Integer, double[][]> INTERVALS = new HashMap<>();

  private EmpiricalEpsilon() {}

  /**
   * The audit of one attack.
   *
   * @param tau the threshold chosen on the training halves
   * @param negatives test trials without the target; {@code falsePositives} of them above τ
   * @param positives test trials with the target; {@code falseNegatives} of them at or below τ
   * @param lower the 95% lower confidence bound on ε (from the upper ends of the rates' intervals)
   * @param point the estimate from the rates themselves (may be infinite)
   * @param upper the upper end, from the lower ends of the rates' intervals (may be infinite)
   */
  record Audit(
      double tau,
      int negatives,
      int falsePositives,
      int positives,
      int falseNegatives,
      double lower,
      double point,
      double upper) {
    double fpr() {
      return (double) falsePositives / negatives;
    }

    double fnr() {
      return (double) falseNegatives / positives;
    }
  }

  /** Chooses τ on the first half of each array and audits it on the second half. */
  static Audit audit(double[] without, double[] with, double delta) {
    int h0 = without.length / 2;
    int h1 = with.length / 2;
    double[] trainWithout = Arrays.copyOfRange(without, 0, h0);
    double[] trainWith = Arrays.copyOfRange(with, 0, h1);
    double tau = bestThreshold(trainWithout, trainWith, delta);
    double[] testWithout = Arrays.copyOfRange(without, h0, without.length);
    double[] testWith = Arrays.copyOfRange(with, h1, with.length);
    int fp = (int) Arrays.stream(testWithout).filter(s -> s > tau).count();
    int fn = (int) Arrays.stream(testWith).filter(s -> s <= tau).count();
    int n0 = testWithout.length;
    int n1 = testWith.length;
    double[] fpr = interval(fp, n0);
    double[] fnr = interval(fn, n1);
    return new Audit(
        tau,
        n0,
        fp,
        n1,
        fn,
        epsilon(fpr[1], fnr[1], delta),
        epsilon((double) fp / n0, (double) fn / n1, delta),
        epsilon(fpr[0], fnr[0], delta));
  }

  /**
   * The τ whose lower bound is the largest on these trials (every observed value is a candidate);
   * among equal bounds (e.g. all 0) the one with the largest TPR − FPR, so that a test that finds
   * nothing still puts τ where the two sides differ most rather than at an extreme.
   */
  static double bestThreshold(double[] without, double[] with, double delta) {
    double[] a = without.clone();
    double[] b = with.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double[] candidates = new double[a.length + b.length + 1];
    candidates[0] = Double.NEGATIVE_INFINITY;
    System.arraycopy(a, 0, candidates, 1, a.length);
    System.arraycopy(b, 0, candidates, 1 + a.length, b.length);
    Arrays.sort(candidates);
    double best = Double.NEGATIVE_INFINITY;
    double bestJ = Double.NEGATIVE_INFINITY;
    double bestTau = Double.NEGATIVE_INFINITY;
    int i = 0; // a[0..i) <= tau
    int j = 0; // b[0..j) <= tau
    for (double tau : candidates) {
      while (i < a.length && a[i] <= tau) {
        i++;
      }
      while (j < b.length && b[j] <= tau) {
        j++;
      }
      double lb = epsilon(interval(a.length - i, a.length)[1], interval(j, b.length)[1], delta);
      double youden = (1 - (double) j / b.length) - (double) (a.length - i) / a.length;
      if (lb > best + 1e-12 || (Math.abs(lb - best) <= 1e-12 && youden > bestJ)) {
        best = Math.max(best, lb);
        bestJ = youden;
        bestTau = tau;
      }
    }
    return bestTau;
  }

  /**
   * max over both error directions of ln((1 − δ − FNR) / FPR), at least 0; infinite for a zero
   * rate.
   */
  static double epsilon(double fpr, double fnr, double delta) {
    double e = Math.max(ratio(1 - delta - fnr, fpr), ratio(1 - delta - fpr, fnr));
    return Math.max(0, e);
  }

  private static double ratio(double num, double den) {
    if (num <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return den <= 0 ? Double.POSITIVE_INFINITY : Math.log(num / den);
  }

  /**
   * The two-sided {@link #ALPHA} Clopper–Pearson interval [lo, hi] of a rate of {@code x} in {@code
   * n}.
   */
  static double[] interval(int x, int n) {
    if (n < 1 || x < 0 || x > n) {
      throw new IllegalArgumentException(
          "a rate needs 0 <= x <= n and n >= 1, got " + x + " of " + n);
    }
    double[][] table;
    synchronized (INTERVALS) {
      table = INTERVALS.computeIfAbsent(n, EmpiricalEpsilon::table);
    }
    return table[x];
  }

  private static double[][] table(int n) {
    double[] logChoose = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      logChoose[i] = logChoose[i - 1] + Math.log(n - i + 1) - Math.log(i);
    }
    double[][] out = new double[n + 1][];
    for (int x = 0; x <= n; x++) {
      final int k = x;
      // hi: P(X <= x; p) = α/2 (decreasing in p); lo: P(X >= x; p) = α/2 (increasing in p).
      double hi = x == n ? 1 : solve(p -> cdf(logChoose, n, k, p) - ALPHA / 2, false);
      double lo = x == 0 ? 0 : solve(p -> (1 - cdf(logChoose, n, k - 1, p)) - ALPHA / 2, true);
      out[x] = new double[] {lo, hi};
    }
    return out;
  }

  /** P(X <= x) for X ~ Binomial(n, p), 0 < p < 1, summed in log space. */
  static double cdf(double[] logChoose, int n, int x, double p) {
    double lp = Math.log(p);
    double lq = Math.log1p(-p);
    double sum = 0;
    for (int i = 0; i <= x; i++) {
      sum += Math.exp(logChoose[i] + i * lp + (n - i) * lq);
    }
    return Math.min(1, sum);
  }

  /** The root in (0, 1) of a monotone function, by bisection to 1e-12. */
  private static double solve(java.util.function.DoubleUnaryOperator f, boolean increasing) {
    double lo = 0;
    double hi = 1;
    while (hi - lo > 1e-12) {
      double mid = (lo + hi) / 2;
      double v = f.applyAsDouble(mid);
      if ((v < 0) == increasing) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
