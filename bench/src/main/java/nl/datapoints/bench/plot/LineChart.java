package nl.datapoints.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Draws one line chart: series over shared x values, a marker at every point, a NaN a gap.
 *
 * @param title the heading
 * @param subtitle the line under it, or null
 * @param xLabel the x axis' label
 * @param yLabel the y axis' label
 * @param x the x values
 * @param series the lines, each with one y per x
 * @param notes a second label under each x tick (e.g. the postcodes a radius covers), or null
 * @param yFromZero the y axis starts at 0 (unless values are negative)
 */
record LineChart(
    String title,
    String subtitle,
    String xLabel,
    String yLabel,
    double[] x,
    List<Series> series,
    String[] notes,
    boolean yFromZero) {

  /** One line. */
  record Series(String name, double[] y) {}

  static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0x9467bd),
    new Color(0xff7f0e)
  };

  LineChart {
    for (Series s : series) {
      if (s.y().length != x.length) {
        throw new IllegalArgumentException(
            "series '"
                + s.name()
                + "' has "
                + s.y().length
                + " values for "
                + x.length
                + " x values");
      }
    }
    if (notes != null && notes.length != x.length) {
      throw new IllegalArgumentException(notes.length + " x notes for " + x.length + " x values");
    }
  }

  /** The y scale's {lo, hi, step} for these values. */
  double[] yRange() {
    double max = 0;
    double min = yFromZero ? 0 : Double.POSITIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.y()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
          min = Math.min(min, v);
        }
      }
    }
    return Axis.yRange(Double.isInfinite(min) ? 0 : min, max, yFromZero);
  }

  BufferedImage render(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);

    Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    int left = 80;
    int right = w - 30;
    int top = subtitle == null ? 78 : 96;
    int bottom = h - (notes == null ? 62 : 80);

    g.setColor(Color.BLACK);
    g.setFont(titleFont);
    centre(g, title, w / 2, 28);
    if (subtitle != null) {
      g.setFont(small);
      g.setColor(Color.DARK_GRAY);
      centre(g, subtitle, w / 2, 48);
    }

    double[] xr = Axis.xRange(Arrays.stream(x).min().orElse(0), Arrays.stream(x).max().orElse(1));
    Axis xAxis = new Axis(xr[0], xr[1], left, right);
    double[] yr = yRange();
    Axis yAxis = new Axis(yr[0], yr[1], bottom, top);

    // Grid, ticks and tick labels.
    g.setFont(small);
    FontMetrics fm = g.getFontMetrics();
    for (double v : Axis.ticks(yr[0], yr[1], yr[2])) {
      int py = yAxis.pixel(v);
      g.setColor(new Color(0xe6e6e6));
      g.drawLine(left, py, right, py);
      g.setColor(Color.BLACK);
      g.drawLine(left - 5, py, left, py);
      String t = Axis.label(v);
      g.drawString(t, left - 8 - fm.stringWidth(t), py + fm.getAscent() / 2 - 1);
    }
    int lastLabelRight = Integer.MIN_VALUE;
    for (int i = 0; i < x.length; i++) {
      int px = xAxis.pixel(x[i]);
      g.setColor(new Color(0xf0f0f0));
      g.drawLine(px, top, px, bottom);
      g.setColor(Color.BLACK);
      g.drawLine(px, bottom, px, bottom + 5);
      String t = Axis.label(x[i]);
      int tw = fm.stringWidth(t);
      if (px - tw / 2 > lastLabelRight + 4) { // skip a label that would overlap its neighbour
        g.drawString(t, px - tw / 2, bottom + 8 + fm.getAscent());
        if (notes != null) {
          String nt = notes[i];
          g.setColor(Color.GRAY);
          g.drawString(nt, px - fm.stringWidth(nt) / 2, bottom + 10 + 2 * fm.getAscent());
          tw = Math.max(tw, fm.stringWidth(nt));
        }
        lastLabelRight = px + tw / 2;
      }
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.2f));
    g.drawRect(left, top, right - left, bottom - top);

    // Axis labels.
    g.setFont(labelFont);
    centre(g, xLabel, (left + right) / 2, h - 18);
    Graphics2D gy = (Graphics2D) g.create();
    gy.rotate(-Math.PI / 2);
    centre(gy, yLabel, -(top + bottom) / 2, 24);
    gy.dispose();

    // Lines with a marker at every point; a gap (NaN) breaks the line.
    for (int si = 0; si < series.size(); si++) {
      Series s = series.get(si);
      g.setColor(COLORS[si % COLORS.length]);
      g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      Path2D.Double path = new Path2D.Double();
      boolean pen = false;
      for (int i = 0; i < x.length; i++) {
        if (Double.isNaN(s.y()[i])) {
          pen = false;
          continue;
        }
        double px = xAxis.pixel(x[i]);
        double py = yAxis.pixel(s.y()[i]);
        if (pen) {
          path.lineTo(px, py);
        } else {
          path.moveTo(px, py);
          pen = true;
        }
      }
      g.draw(path);
      for (int i = 0; i < x.length; i++) {
        if (!Double.isNaN(s.y()[i])) {
          g.fill(new Ellipse2D.Double(xAxis.pixel(x[i]) - 4, yAxis.pixel(s.y()[i]) - 4, 8, 8));
        }
      }
    }

    // Legend: one row above the plot area, right-aligned.
    g.setFont(labelFont);
    fm = g.getFontMetrics();
    int lx = right;
    int ly = top - 14;
    for (int si = series.size() - 1; si >= 0; si--) {
      String t = series.get(si).name();
      lx -= fm.stringWidth(t);
      g.setColor(Color.BLACK);
      g.drawString(t, lx, ly + fm.getAscent() / 2 - 1);
      lx -= 32;
      g.setColor(COLORS[si % COLORS.length]);
      g.setStroke(new BasicStroke(2.2f));
      g.drawLine(lx, ly, lx + 24, ly);
      g.fill(new Ellipse2D.Double(lx + 8, ly - 4, 8, 8));
      lx -= 18;
    }
    g.dispose();
    return img;
  }

  private static void centre(Graphics2D g, String s, int cx, int baseline) {
    g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
  }
}
