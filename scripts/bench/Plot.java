// A line chart as PNG from a TSV, for the benchmark pages (single-file program, java.awt in
// headless mode, no dependency):
//   java scripts/bench/Plot.java --in FILE.tsv --out FILE.png --title T --xlabel X --ylabel Y
//        [--subtitle S] [--series "p50 ms,p99 ms"] [--xnote COLUMN] [--width 900] [--height 540]
//        [--ymin-zero true]
// FILE.tsv: a header row (x column name, then one name per series), then one row per x value;
// '#' lines are skipped, an empty or "NaN" cell is a gap. Columns not named in --series are
// ignored (default: every column after the first); --xnote prints that column's value under
// each x tick (e.g. the number of postcodes a radius covers). The x ticks are the x values themselves
// (benchmark sweeps have few, chosen x values); the y axis starts at 0 so heights compare
// honestly, with 1-2-5 ticks. Every point is marked and the legend sits above the plot, where no
// line can hide it.
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

public class Plot {
  static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)
  };

  record Series(String name, double[] y) {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options are --name value pairs, got " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    for (String required : List.of("in", "out", "title", "xlabel", "ylabel")) {
      if (!o.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    List<String[]> rows = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(o.get("in")))) {
      if (!l.isBlank() && !l.startsWith("#")) {
        rows.add(l.split("\t", -1));
      }
    }
    if (rows.size() < 2) {
      throw new IllegalArgumentException(o.get("in") + ": need a header row and at least one data row, got "
          + rows.size() + " rows");
    }
    String[] header = rows.get(0);
    List<String> wanted = o.containsKey("series")
        ? Arrays.asList(o.get("series").split(","))
        : Arrays.asList(header).subList(1, header.length);
    int n = rows.size() - 1;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Double.parseDouble(rows.get(i + 1)[0]);
    }
    List<Series> series = new ArrayList<>();
    for (String name : wanted) {
      int col = Arrays.asList(header).indexOf(name);
      if (col < 1) {
        throw new IllegalArgumentException("--series: no column '" + name + "' in " + Arrays.toString(header));
      }
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        String[] r = rows.get(i + 1);
        y[i] = col < r.length && !r[col].isBlank() ? Double.parseDouble(r[col]) : Double.NaN;
      }
      series.add(new Series(name, y));
    }
    String[] notes = null;
    if (o.containsKey("xnote")) {
      int col = Arrays.asList(header).indexOf(o.get("xnote"));
      if (col < 1) {
        throw new IllegalArgumentException("--xnote: no column '" + o.get("xnote") + "' in " + Arrays.toString(header));
      }
      notes = new String[n];
      for (int i = 0; i < n; i++) {
        String[] r = rows.get(i + 1);
        notes[i] = col < r.length ? r[col] : "";
      }
    }
    BufferedImage img = render(o, x, series, notes);
    File out = new File(o.get("out"));
    if (out.getParentFile() != null) {
      Files.createDirectories(out.getParentFile().toPath());
    }
    ImageIO.write(img, "png", out);
    System.err.println("plot: wrote " + out);
  }

  static BufferedImage render(Map<String, String> o, double[] x, List<Series> series, String[] notes) {
    int w = Integer.parseInt(o.getOrDefault("width", "900"));
    int h = Integer.parseInt(o.getOrDefault("height", "540"));
    String subtitle = o.get("subtitle");
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);

    Font title = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    int left = 80;
    int right = w - 30;
    int top = subtitle == null ? 78 : 96;
    int bottom = h - (notes == null ? 62 : 80);

    g.setColor(Color.BLACK);
    g.setFont(title);
    centre(g, o.get("title"), w / 2, 28);
    if (subtitle != null) {
      g.setFont(small);
      g.setColor(Color.DARK_GRAY);
      centre(g, subtitle, w / 2, 48);
    }

    double xmin = Arrays.stream(x).min().orElse(0);
    double xmax = Arrays.stream(x).max().orElse(1);
    if (xmax == xmin) {
      xmin -= 1;
      xmax += 1;
    }
    double ymax = 0;
    double ymin = 0;
    for (Series s : series) {
      for (double v : s.y()) {
        if (!Double.isNaN(v)) {
          ymax = Math.max(ymax, v);
          ymin = Math.min(ymin, v);
        }
      }
    }
    if (!Boolean.parseBoolean(o.getOrDefault("ymin-zero", "true"))) {
      ymin = series.stream().flatMapToDouble(s -> Arrays.stream(s.y())).filter(v -> !Double.isNaN(v)).min().orElse(0);
    }
    double step = niceStep((ymax - ymin) / 8);
    double y0 = Math.floor(ymin / step) * step;
    double y1 = Math.max(y0 + step, Math.ceil(ymax * 1.05 / step) * step);
    // A little room on both sides so the first and last markers are not on the frame.
    double pad = (xmax - xmin) * 0.03;
    double x0 = xmin - pad;
    double x1 = xmax + pad;

    // Grid, ticks and tick labels.
    g.setFont(small);
    FontMetrics fm = g.getFontMetrics();
    for (double v = y0; v <= y1 + step / 1e6; v += step) {
      int py = py(v, y0, y1, top, bottom);
      g.setColor(new Color(0xe6e6e6));
      g.drawLine(left, py, right, py);
      g.setColor(Color.BLACK);
      g.drawLine(left - 5, py, left, py);
      String t = fmt(v);
      g.drawString(t, left - 8 - fm.stringWidth(t), py + fm.getAscent() / 2 - 1);
    }
    int lastLabelRight = Integer.MIN_VALUE;
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      int px = px(v, x0, x1, left, right);
      g.setColor(new Color(0xf0f0f0));
      g.drawLine(px, top, px, bottom);
      g.setColor(Color.BLACK);
      g.drawLine(px, bottom, px, bottom + 5);
      String t = fmt(v);
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
    g.setFont(label);
    centre(g, o.get("xlabel"), (left + right) / 2, h - 18);
    Graphics2D gy = (Graphics2D) g.create();
    gy.rotate(-Math.PI / 2);
    centre(gy, o.get("ylabel"), -(top + bottom) / 2, 24);
    gy.dispose();

    // Lines with a marker at every point; a gap (NaN) breaks the line.
    for (int si = 0; si < series.size(); si++) {
      Series s = series.get(si);
      Color c = COLORS[si % COLORS.length];
      g.setColor(c);
      g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      Path2D.Double path = new Path2D.Double();
      boolean pen = false;
      for (int i = 0; i < x.length; i++) {
        if (Double.isNaN(s.y()[i])) {
          pen = false;
          continue;
        }
        double px = px(x[i], x0, x1, left, right);
        double py = py(s.y()[i], y0, y1, top, bottom);
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
          double px = px(x[i], x0, x1, left, right);
          double py = py(s.y()[i], y0, y1, top, bottom);
          g.fill(new Ellipse2D.Double(px - 4, py - 4, 8, 8));
        }
      }
    }

    // Legend: one row above the plot area, right-aligned.
    g.setFont(label);
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

  static int px(double v, double x0, double x1, int left, int right) {
    return (int) Math.round(left + (v - x0) / (x1 - x0) * (right - left));
  }

  static int py(double v, double y0, double y1, int top, int bottom) {
    return (int) Math.round(bottom - (v - y0) / (y1 - y0) * (bottom - top));
  }

  /** The 1-2-5 step nearest above {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String fmt(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return String.format(Locale.ROOT, "%d", (long) Math.rint(v));
    }
    if (Math.abs(v) >= 1) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    // Small values (a smoke run's GB): three significant digits, no trailing zeros.
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }

  static void centre(Graphics2D g, String s, int cx, int baseline) {
    g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
  }
}
