package nl.datapoints.bench.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scale of one axis (pure): the value range {@code lo..hi} mapped linearly onto the pixels
 * {@code from..to} (for y, {@code from} is the bottom, so pixels decrease as values grow).
 *
 * @param lo the value at pixel {@code from}
 * @param hi the value at pixel {@code to}
 * @param from first pixel
 * @param to last pixel
 */
record Axis(double lo, double hi, int from, int to) {
  Axis {
    if (!(hi > lo)) {
      throw new IllegalArgumentException("an axis needs lo < hi, got " + lo + ".." + hi);
    }
  }

  /** The pixel of value {@code v}. */
  int pixel(double v) {
    return (int) Math.round(from + (v - lo) / (hi - lo) * (to - from));
  }

  /**
   * A y range: from {@code min} (0 when {@code fromZero} and every value ≥ 0) up past {@code max},
   * on whole steps.
   */
  static double[] yRange(double min, double max, boolean fromZero) {
    double lo = fromZero ? Math.min(0, min) : min;
    double step = niceStep((max - lo) / 8);
    double y0 = Math.floor(lo / step) * step;
    // 5 % headroom so the highest marker is not on the frame.
    double y1 = Math.max(y0 + step, Math.ceil(max * 1.05 / step) * step);
    return new double[] {y0, y1, step};
  }

  /** An x range: the values' span with 3 % padding on both sides (one value: ±1). */
  static double[] xRange(double min, double max) {
    if (max == min) {
      return new double[] {min - 1, max + 1};
    }
    double pad = (max - min) * 0.03;
    return new double[] {min - pad, max + pad};
  }

  /** The ticks {@code y0, y0 + step, ...} up to {@code y1} (without drift from repeated adding). */
  static List<Double> ticks(double y0, double y1, double step) {
    List<Double> out = new ArrayList<>();
    for (long i = 0; y0 + i * step <= y1 + step / 1e6; i++) {
      out.add(y0 + i * step);
    }
    return out;
  }

  /** The 1-2-5 step nearest at or above {@code raw}; 1 when {@code raw} is not positive. */
  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * A tick label: whole numbers without decimals, others with one, small ones with three
   * significant digits.
   */
  static String label(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return String.format(Locale.ROOT, "%d", (long) Math.rint(v));
    }
    if (Math.abs(v) >= 1) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    // Small values (a smoke run's GB): three significant digits, no trailing zeros.
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
