package nl.datapoints.etl.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmpiricalEpsilonTest {
  @Test
  void clopperPearsonMatchesPublishedTables() {
    // Two-sided 95% exact intervals as tabulated (e.g. Clopper & Pearson 1934; any exact-CI table).
    double[] a = EmpiricalEpsilon.interval(1, 10);
    assertEquals(0.00253, a[0], 1e-5);
    assertEquals(0.44502, a[1], 1e-5);
    double[] b = EmpiricalEpsilon.interval(5, 20);
    assertEquals(0.08657, b[0], 1e-5);
    assertEquals(0.49105, b[1], 1e-5);
    double[] c = EmpiricalEpsilon.interval(50, 100);
    assertEquals(0.39832, c[0], 1e-5);
    assertEquals(0.60168, c[1], 1e-5);
  }

  @Test
  void zeroAndAllHaveClosedForms() {
    int n = 500;
    assertEquals(1 - Math.pow(0.025, 1.0 / n), EmpiricalEpsilon.interval(0, n)[1], 1e-10);
    assertEquals(0, EmpiricalEpsilon.interval(0, n)[0]);
    assertEquals(Math.pow(0.025, 1.0 / n), EmpiricalEpsilon.interval(n, n)[0], 1e-10);
    assertEquals(1, EmpiricalEpsilon.interval(n, n)[1]);
  }

  @Test
  void aPerfectTestIsBoundedOnlyByTheNumberOfTrials() {
    double[] without = new double[1000];
    double[] with = new double[1000];
    java.util.Arrays.fill(with, 1);
    EmpiricalEpsilon.Audit a = EmpiricalEpsilon.audit(without, with, 1e-8);
    double u = 1 - Math.pow(0.025, 1.0 / 500);
    assertEquals(Math.log((1 - 1e-8 - u) / u), a.lower(), 1e-9);
    assertEquals(Double.POSITIVE_INFINITY, a.point());
    assertEquals(0, a.falsePositives() + a.falseNegatives());
    assertTrue(a.tau() >= 0 && a.tau() < 1);
  }

  @Test
  void indistinguishableTrialsGiveABoundNearZero() {
    SplittableRandom r = new SplittableRandom(7);
    double[] without = r.doubles(2000).toArray();
    double[] with = r.doubles(2000).toArray();
    EmpiricalEpsilon.Audit a = EmpiricalEpsilon.audit(without, with, 1e-8);
    assertTrue(a.lower() < 0.1, "lower bound " + a.lower());
    assertTrue(a.upper() > a.lower());
  }

  @Test
  void aKnownShiftIsFoundButNotOverstated() {
    // Laplace(b = 1) shifted by 1: exactly 1-DP; a threshold test sees part of it.
    SplittableRandom r = new SplittableRandom(11);
    double[] without = new double[4000];
    double[] with = new double[4000];
    for (int i = 0; i < 4000; i++) {
      without[i] = laplace(r);
      with[i] = 1 + laplace(r);
    }
    EmpiricalEpsilon.Audit a = EmpiricalEpsilon.audit(without, with, 0);
    assertTrue(a.lower() > 0.3 && a.lower() <= 1, "lower bound " + a.lower());
  }

  private static double laplace(SplittableRandom r) {
    double u = r.nextDouble() - 0.5;
    return -Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
  }
}
