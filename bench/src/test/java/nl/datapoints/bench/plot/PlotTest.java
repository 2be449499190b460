package nl.datapoints.bench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import nl.datapoints.bench.common.Options;
import nl.datapoints.bench.common.Tsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {
  private static final List<String> SWEEP =
      List.of("x\tp50 ms\tp99 ms\tpc4s", "1\t2.1\t3.0\t12", "5\t4.0\t\t48", "10\t9.5\t14.2\t107");

  @TempDir Path dir;

  @Test
  void writesAPngOfTheAskedSize() throws Exception {
    Path in = Files.write(dir.resolve("sweep.tsv"), SWEEP);
    Path out = dir.resolve("img/sweep.png");
    Plot.run(
        List.of(
            "--in",
            in.toString(),
            "--out",
            out.toString(),
            "--title",
            "Latency vs radius",
            "--xlabel",
            "radius (km)",
            "--ylabel",
            "latency (ms)",
            "--series",
            "p50 ms,p99 ms",
            "--xnote",
            "pc4s",
            "--width",
            "640",
            "--height",
            "400",
            "--subtitle",
            "SMOKE RUN"));
    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(640, img.getWidth());
    assertEquals(400, img.getHeight());
    // Something is drawn in the first series' colour (the markers and the line).
    int blue = LineChart.COLORS[0].getRGB();
    long bluePixels = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) == blue) {
          bluePixels++;
        }
      }
    }
    assertNotEquals(0, bluePixels);
  }

  private static Options options(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--in", "x", "--out", "y", "--title", "t", "--xlabel", "x", "--ylabel", "y"));
    args.addAll(List.of(more));
    return Options.parse(
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
  }

  @Test
  void seriesDefaultToEveryColumnAfterX() {
    LineChart c = Plot.chart(options(), Tsv.parse("s", SWEEP));
    assertEquals(
        List.of("p50 ms", "p99 ms", "pc4s"),
        c.series().stream().map(LineChart.Series::name).toList());
    // The gap stays a gap; the y axis covers the highest value from 0.
    assertEquals(Double.NaN, c.series().get(1).y()[1]);
    assertEquals(0, c.yRange()[0]);
    assertEquals(120, c.yRange()[1]);
  }

  @Test
  void aMissingSeriesOrTheXColumnIsNamed() {
    assertEquals(
        "s: no column 'p90 ms' in [x, p50 ms, p99 ms, pc4s]",
        assertThrows(
                IllegalArgumentException.class,
                () -> Plot.chart(options("--series", "p90 ms"), Tsv.parse("s", SWEEP)))
            .getMessage());
    assertEquals(
        "--series: 'x' is the x column",
        assertThrows(
                IllegalArgumentException.class,
                () -> Plot.chart(options("--series", "x"), Tsv.parse("s", SWEEP)))
            .getMessage());
    assertEquals(
        "--ymin-zero must be true | false, got 'yes'",
        assertThrows(
                IllegalArgumentException.class,
                () -> Plot.chart(options("--ymin-zero", "yes"), Tsv.parse("s", SWEEP)))
            .getMessage());
  }
}
