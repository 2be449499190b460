package nl.datapoints.bench.plot;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import nl.datapoints.bench.common.Cli;
import nl.datapoints.bench.common.Options;
import nl.datapoints.bench.common.Tsv;

/**
 * A line chart as PNG from a sweep's TSV:
 *
 * <pre>
 *   Plot --in FILE.tsv --out FILE.png --title T --xlabel X --ylabel Y [--subtitle S]
 *        [--series "p50 ms,p99 ms"] [--xnote COLUMN] [--width 900] [--height 540] [--ymin-zero true|false]
 * </pre>
 *
 * The first column is x; {@code --series} names the y columns (default: every other column); {@code
 * --xnote} prints that column's value under each x tick.
 */
public final class Plot {
  private Plot() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Cli.main("plot", args, Plot::run);
  }

  static int run(List<String> args) throws Exception {
    Options o =
        Options.parse(
            args,
            Set.of(
                "in",
                "out",
                "title",
                "xlabel",
                "ylabel",
                "subtitle",
                "series",
                "xnote",
                "width",
                "height",
                "ymin-zero"),
            Set.of());
    LineChart chart = chart(o, Tsv.read(Path.of(o.string("in"))));
    File out = new File(o.string("out"));
    if (out.getParentFile() != null) {
      Files.createDirectories(out.getParentFile().toPath());
    }
    ImageIO.write(
        chart.render(o.integer("width", 900, 200, 10_000), o.integer("height", 540, 150, 10_000)),
        "png",
        out);
    System.err.println("plot: wrote " + out);
    return 0;
  }

  /** The chart the options and the table describe. */
  static LineChart chart(Options o, Tsv t) {
    List<String> wanted =
        o.has("series")
            ? Arrays.asList(o.string("series").split(","))
            : t.header().subList(1, t.header().size());
    double[] x = t.numbers(t.header().get(0));
    List<LineChart.Series> series = new ArrayList<>();
    for (String name : wanted) {
      if (t.column(name) == 0) {
        throw new IllegalArgumentException("--series: '" + name + "' is the x column");
      }
      series.add(new LineChart.Series(name, t.numbers(name)));
    }
    String[] notes = o.has("xnote") ? t.strings(o.string("xnote")) : null;
    String yFromZero = o.choice("ymin-zero", "true", List.of("true", "false"));
    return new LineChart(
        o.string("title"),
        o.string("subtitle", null),
        o.string("xlabel"),
        o.string("ylabel"),
        x,
        series,
        notes,
        Boolean.parseBoolean(yFromZero));
  }
}
